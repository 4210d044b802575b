import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { IdempotencyState } from '../entities/idempotency-key.entity';

/** What the table holds for a key another request already claimed. */
export interface StoredIdempotencyKey {
  id: string;
  requestHash: string;
  state: IdempotencyState;
  responseStatus: number | null;
  responseBody: unknown;
}

/** A claim on an account's key: ours to run (with the row's id), or someone else's row as it stands. */
export type IdempotencyClaim = { kind: 'claimed'; id: string } | { kind: 'taken'; stored: StoredIdempotencyKey };

/** Tries before giving up on a key whose row keeps vanishing between the insert and the read. */
const CLAIM_ATTEMPTS = 3;

/** The idempotency_keys table: claim a key, store its answer, release it, drop expired ones. */
@Injectable()
export class IdempotencyKeyRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Claims (account, key) for a request with this hash, in one statement so two processes never
   * both win: a new key, an expired one, or one left in flight longer than `staleAfterMs` by the
   * same request (its process died) becomes ours; otherwise the row as it stands is returned.
   */
  async claim(
    input: { accountId: string; key: string; requestHash: string; ttlMs: number; staleAfterMs: number },
  ): Promise<IdempotencyClaim> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const claimed: { id: string }[] = await this.dataSource.query(
        `INSERT INTO idempotency_keys AS k (account_id, key, request_hash, state, expires_at)
         VALUES ($1, $2, $3, 'in_flight', now() + make_interval(secs => $4::double precision / 1000))
         ON CONFLICT (account_id, key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, state = 'in_flight', response_status = NULL, response_body = NULL,
               created_at = now(), expires_at = EXCLUDED.expires_at
           WHERE k.expires_at <= now()
              OR (k.state = 'in_flight' AND k.request_hash = EXCLUDED.request_hash
                  AND k.created_at < now() - make_interval(secs => $5::double precision / 1000))
         RETURNING id`,
        [input.accountId, input.key, input.requestHash, input.ttlMs, input.staleAfterMs],
      );
      if (claimed.length === 1) return { kind: 'claimed', id: claimed[0].id };
      const rows: { id: string; request_hash: string; state: IdempotencyState; response_status: number | null; response_body: unknown }[] =
        await this.dataSource.query(
          `SELECT id, request_hash, state, response_status, response_body FROM idempotency_keys WHERE account_id = $1 AND key = $2`,
          [input.accountId, input.key],
        );
      // Released (its request failed) between our insert and this read: try again.
      if (rows.length === 0) continue;
      const [row] = rows;
      return {
        kind: 'taken',
        stored: { id: row.id, requestHash: row.request_hash, state: row.state, responseStatus: row.response_status, responseBody: row.response_body },
      };
    }
    throw new Error('idempotency key claim kept losing its row');
  }

  /** Stores the answer (sealed by the caller) of the request that claimed row `id`, for repeats to replay. */
  async complete(id: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $2, response_body = $3::json WHERE id = $1 AND state = 'in_flight'`,
      [id, status, JSON.stringify(body ?? null)],
    );
  }

  /** Frees the key of a request that failed: nothing was done, so a retry with the same key runs afresh. */
  async release(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE id = $1 AND state = 'in_flight'`, [id]);
  }

}
