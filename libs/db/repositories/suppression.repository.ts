import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Suppression, SuppressionKind, SuppressionReason } from '../entities/suppression.entity';
import { endEnrollments } from './enrollment-ends';
import { entityFromRow } from './entity-rows';
import { keysetPage, type Page } from './keyset-page';

/** What identifies an address on the list: its keyed hash, and its domain with the parent domains. */
export interface SuppressionKeys {
  emailHash: string;
  domains: string[];
}

export type NewSuppression =
  | { kind: 'email'; emailHash: string; reason: SuppressionReason; sourceMessageId?: string | null }
  | { kind: 'domain'; domain: string; reason: SuppressionReason };

export interface UnsubscribedRecipient {
  accountId: string;
  prospectId: string;
  suppressionId: string;
  /** Enrollments this unsubscribe ended; empty when an earlier one (or something else) had. */
  stoppedEnrollments: { id: string; workflowId: string }[];
}

@Injectable()
export class SuppressionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The entry matching the address: its own hash first, then the closest domain. */
  async findMatch(accountId: string, keys: SuppressionKeys): Promise<Suppression | null> {
    const [row] = await this.dataSource.query(
      `SELECT id FROM suppressions
       WHERE account_id = $1 AND (email_hash = $2 OR domain = ANY($3::text[]))
       ORDER BY (kind = 'email') DESC, array_position($3::text[], domain) LIMIT 1`,
      [accountId, keys.emailHash, keys.domains],
    );
    return row ? this.dataSource.getRepository(Suppression).findOneBy({ id: row.id }) : null;
  }

  /** Of the given keys, the hashes and domains the account has entries for (one query for a page of addresses). */
  async matchingKeys(accountId: string, keys: readonly SuppressionKeys[]): Promise<{ emailHashes: Set<string>; domains: Set<string> }> {
    const rows: { email_hash: string | null; domain: string | null }[] = keys.length === 0 ? [] : await this.dataSource.query(
      `SELECT email_hash, domain FROM suppressions WHERE account_id = $1 AND (email_hash = ANY($2::text[]) OR domain = ANY($3::text[]))`,
      [accountId, keys.map((k) => k.emailHash), [...new Set(keys.flatMap((k) => k.domains))]],
    );
    return {
      emailHashes: new Set(rows.flatMap((row) => (row.email_hash ? [row.email_hash] : []))),
      domains: new Set(rows.flatMap((row) => (row.domain ? [row.domain] : []))),
    };
  }

  findForAccount(accountId: string, id: string): Promise<Suppression | null> {
    return this.dataSource.getRepository(Suppression).findOneBy({ accountId, id });
  }

  /** Newest first, `limit` at a time after the entry `afterId`; null when that cursor is not the account's. */
  listPage(accountId: string, options: { limit: number; afterId?: string; kind?: SuppressionKind }): Promise<Page<Suppression> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT s.* FROM suppressions s WHERE s.account_id = $1`,
      params: [accountId],
      filter: options.kind ? { sql: `kind = $2`, params: [options.kind] } : undefined,
      key: ['created_at', 'id'],
      descending: true,
      map: entityFromRow(this.dataSource, Suppression),
    }, { limit: options.limit, after: options.afterId });
  }

  /**
   * Adds an entry a rep made and, in the same transaction, ends every running sequence it now
   * forbids: the account's prospects at that address, or at that domain and its subdomains.
   * The send claim would stop them anyway, but only at their next step, leaving them `active`
   * and their tasks open until then. `target` is the normalised address or domain. Returns the
   * workflows whose enrollments it stopped, for the caller to tell.
   */
  addManual(
    accountId: string,
    entry: NewSuppression,
    target: { email: string } | { domain: string },
  ): Promise<{ suppression: Suppression; created: boolean; stoppedWorkflowIds: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const matches = 'email' in target
        ? { sql: `p.email = $2`, value: target.email }
        : { sql: `(split_part(p.email, '@', 2) = $2 OR right(split_part(p.email, '@', 2), length($2) + 1) = '.' || $2)`, value: target.domain };
      // Ended before anything else is written, locked in the order the send claim takes them.
      const stopped = await endEnrollments(manager, { where: `e.account_id = $1 AND ${matches.sql}`, params: [accountId, matches.value] }, {
        status: 'stopped', reason: 'prospect_suppressed',
      });
      const added = await this.addIn(manager, accountId, entry);
      return { ...added, stoppedWorkflowIds: stopped.map((row) => row.workflowId) };
    });
  }

  async deleteForAccount(accountId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(Suppression).delete({ accountId, id });
    return (result.affected ?? 0) > 0;
  }

  /**
   * The recipient of `messageId` asked to stop: in one transaction, their address joins the
   * sending account's list, their running enrollments stop (paused ones too: a paused sequence
   * would otherwise keep its open task for a rep to act on), the prospect is marked
   * unsubscribed and the message gets an 'unsubscribe' tracking event. Enrollments are
   * locked before the prospect, the order the send claim takes them in, so the two wait for
   * each other instead of deadlocking. Null when the message no longer exists.
   */
  unsubscribeRecipient(messageId: string, hashEmail: (email: string) => string): Promise<UnsubscribedRecipient | null> {
    return this.dataSource.transaction(async (manager) => {
      const [message] = await manager.query(
        `SELECT m.account_id, m.to_address, e.prospect_id
         FROM messages m JOIN enrollments e ON e.id = m.enrollment_id WHERE m.id = $1`,
        [messageId],
      );
      if (!message) return null;
      const stopped = await endEnrollments(manager, { where: `e.prospect_id = $1`, params: [message.prospect_id] }, {
        status: 'stopped', reason: 'unsubscribed',
      });
      // A reply is no reason to keep writing; a bounce or a blacklisting already stops everything.
      await manager.query(
        `UPDATE prospects SET status = 'unsubscribed', updated_at = now() WHERE id = $1 AND status IN ('active', 'replied')`,
        [message.prospect_id],
      );
      // For the campaign's stats (unsubscribes per email). No IP or browser: not needed here.
      await manager.query(
        `INSERT INTO tracking_events (account_id, message_id, kind) VALUES ($1, $2, 'unsubscribe')`,
        [message.account_id, messageId],
      );
      const { suppression } = await this.addIn(manager, message.account_id, {
        kind: 'email',
        emailHash: hashEmail(message.to_address),
        reason: 'unsubscribed',
        sourceMessageId: messageId,
      });
      return {
        accountId: message.account_id,
        prospectId: message.prospect_id,
        suppressionId: suppression.id,
        stoppedEnrollments: stopped,
      };
    });
  }

  /** Adds the entry unless the account already has it (either way returns its row), in the caller's transaction. */
  async addIn(manager: EntityManager, accountId: string, entry: NewSuppression) {
    const isEmail = entry.kind === 'email';
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO suppressions (account_id, kind, email_hash, domain, reason, source_message_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id`,
      [
        accountId, entry.kind, isEmail ? entry.emailHash : null, isEmail ? null : entry.domain, entry.reason,
        isEmail ? (entry.sourceMessageId ?? null) : null,
      ],
    );
    const repository = manager.getRepository(Suppression);
    const suppression = inserted.length > 0
      ? await repository.findOneByOrFail({ id: inserted[0].id })
      : await repository.findOneByOrFail(isEmail ? { accountId, emailHash: entry.emailHash } : { accountId, domain: entry.domain });
    return { suppression, created: inserted.length > 0 };
  }
}
