import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SealedSecret } from '@relance/crypto';
import { WebhookEndpoint, type WebhookEndpointKind } from '@relance/db/entities/webhook-endpoint.entity';
import { entityFromRow } from '@relance/db/repositories/entity-rows';
import { keysetPage, type Page } from '@relance/db/repositories/keyset-page';

export interface NewWebhookEndpoint {
  id: string;
  accountId: string;
  kind: WebhookEndpointKind;
  url: string;
  description: string | null;
  events: string[];
  secret: SealedSecret;
}

export type WebhookEndpointChanges = Partial<Pick<WebhookEndpoint, 'url' | 'description' | 'events' | 'enabled'>>;

/** Every query of webhook endpoints (REST hooks included). */
@Injectable()
export class WebhookEndpointRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(endpoint: NewWebhookEndpoint): Promise<WebhookEndpoint> {
    const { secret, ...rest } = endpoint;
    const repository = this.dataSource.getRepository(WebhookEndpoint);
    return repository.save(repository.create({
      ...rest, secretKeyId: secret.keyId, secretWrappedKey: secret.wrappedKey, secretCiphertext: secret.ciphertext,
    }));
  }

  /** Newest first; null when `afterId` is not one of the account's endpoints. */
  listPage(accountId: string, options: { limit: number; afterId?: string }): Promise<Page<WebhookEndpoint> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT w.* FROM webhook_endpoints w WHERE w.account_id = $1`,
      params: [accountId],
      key: ['created_at', 'id'],
      descending: true,
      map: entityFromRow(this.dataSource, WebhookEndpoint),
    }, { limit: options.limit, after: options.afterId });
  }

  find(accountId: string, id: string, kind?: WebhookEndpointKind): Promise<WebhookEndpoint | null> {
    return this.dataSource.getRepository(WebhookEndpoint).findOneBy({ accountId, id, ...(kind ? { kind } : {}) });
  }

  findById(id: string): Promise<WebhookEndpoint | null> {
    return this.dataSource.getRepository(WebhookEndpoint).findOneBy({ id });
  }

  /**
   * Applies the changes; enabling one clears why it was disabled and its failure count, so it
   * gets a fresh run of WEBHOOK_DISABLE_AFTER failures. Null when it is not the account's.
   */
  async update(accountId: string, id: string, changes: WebhookEndpointChanges): Promise<WebhookEndpoint | null> {
    const reset = changes.enabled === true ? { consecutiveFailures: 0, disabledReason: null, disabledAt: null } : {};
    const result = await this.dataSource.getRepository(WebhookEndpoint).update({ accountId, id }, { ...changes, ...reset });
    return (result.affected ?? 0) > 0 ? this.find(accountId, id) : null;
  }

  async replaceSecret(accountId: string, id: string, secret: SealedSecret): Promise<boolean> {
    const result = await this.dataSource.getRepository(WebhookEndpoint).update(
      { accountId, id }, { secretKeyId: secret.keyId, secretWrappedKey: secret.wrappedKey, secretCiphertext: secret.ciphertext },
    );
    return (result.affected ?? 0) > 0;
  }

  /** Removes it with its deliveries; false when it was not the account's (or not of that kind). */
  async remove(accountId: string, id: string, kind?: WebhookEndpointKind): Promise<boolean> {
    const result = await this.dataSource.getRepository(WebhookEndpoint).delete({ accountId, id, ...(kind ? { kind } : {}) });
    return (result.affected ?? 0) > 0;
  }

  /** The account's enabled endpoints that asked for `eventType`. */
  subscribers(accountId: string, eventType: string): Promise<{ id: string }[]> {
    return this.dataSource.query(
      `SELECT id FROM webhook_endpoints WHERE account_id = $1 AND enabled AND $2 = ANY(events) ORDER BY created_at`,
      [accountId, eventType],
    );
  }

  /** A delivery went through: the endpoint's run of failures ends. */
  async deliverySucceeded(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = $1 AND consecutive_failures > 0`, [id]);
  }

  /**
   * Counts a failed delivery; once `disableAfter` came in a row, disables the endpoint with why.
   * Returns whether this call disabled it (so its owner is told once).
   */
  async deliveryFailed(id: string, disableAfter: number): Promise<{ disabled: boolean; failures: number } | null> {
    const [rows] = await this.dataSource.query(
      `WITH before AS (SELECT id, enabled FROM webhook_endpoints WHERE id = $1 FOR UPDATE)
       UPDATE webhook_endpoints w SET
         consecutive_failures = w.consecutive_failures + 1,
         enabled = w.enabled AND w.consecutive_failures + 1 < $2,
         disabled_at = CASE WHEN w.enabled AND w.consecutive_failures + 1 >= $2 THEN now() ELSE w.disabled_at END,
         disabled_reason = CASE WHEN w.enabled AND w.consecutive_failures + 1 >= $2
           THEN (w.consecutive_failures + 1) || ' deliveries in a row failed' ELSE w.disabled_reason END
       FROM before WHERE w.id = before.id
       RETURNING w.consecutive_failures AS failures, before.enabled AND NOT w.enabled AS disabled`,
      [id, disableAfter],
    );
    const row = (rows as { failures: number; disabled: boolean }[])[0];
    return row ? { failures: row.failures, disabled: row.disabled } : null;
  }

  /** Where to tell an account about its endpoints: its owner's address. */
  async ownerAddress(accountId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT email FROM users WHERE account_id = $1 AND role = 'owner' ORDER BY created_at LIMIT 1`, [accountId],
    );
    return row?.email ?? null;
  }
}
