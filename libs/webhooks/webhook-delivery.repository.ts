import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookDeliveryAttempt } from '@relance/db/entities/webhook-delivery-attempt.entity';
import { WebhookDelivery, type WebhookDeliveryStatus } from '@relance/db/entities/webhook-delivery.entity';
import { entityFromRow } from '@relance/db/repositories/entity-rows';
import { keysetPage, type Page } from '@relance/db/repositories/keyset-page';
import type { WebhookPayload } from './webhook-events';

export interface NewAttempt {
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  responseSnippet: string | null;
}

/** Every query of deliveries and their attempts. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One delivery per endpoint for the event; an event recorded again (same key) adds none.
   * Returns the event's deliveries not yet attempted, new or left by an emit that stopped before
   * starting their workflows, so starting them again is safe.
   */
  async enqueue(
    input: { accountId: string; endpointIds: string[]; eventType: string; eventKey: string; prospectId: string | null; payload: WebhookPayload },
  ): Promise<string[]> {
    if (input.endpointIds.length === 0) return [];
    const rows: { id: string }[] = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO webhook_deliveries (account_id, endpoint_id, event_type, event_key, prospect_id, payload)
         SELECT $1, endpoint_id, $3, $4, $5, $6 FROM unnest($2::uuid[]) AS endpoint_id
         ON CONFLICT (endpoint_id, event_key) DO NOTHING`,
        [input.accountId, input.endpointIds, input.eventType, input.eventKey, input.prospectId, input.payload],
      );
      return manager.query(
        `SELECT id FROM webhook_deliveries WHERE endpoint_id = ANY($1::uuid[]) AND event_key = $2 AND status = 'pending' AND attempt_count = 0`,
        [input.endpointIds, input.eventKey],
      );
    });
    return rows.map((row) => row.id);
  }

  findById(id: string): Promise<WebhookDelivery | null> {
    return this.dataSource.getRepository(WebhookDelivery).findOneBy({ id });
  }

  find(accountId: string, id: string): Promise<WebhookDelivery | null> {
    return this.dataSource.getRepository(WebhookDelivery).findOneBy({ accountId, id });
  }

  /** Newest first; null when `afterId` is not one of the endpoint's deliveries. */
  listPage(endpointId: string, options: { limit: number; afterId?: string }): Promise<Page<WebhookDelivery> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT d.* FROM webhook_deliveries d WHERE d.endpoint_id = $1`,
      params: [endpointId],
      key: ['created_at', 'id'],
      descending: true,
      map: entityFromRow(this.dataSource, WebhookDelivery),
    }, { limit: options.limit, after: options.afterId });
  }

  /** Oldest first. */
  attempts(deliveryId: string): Promise<WebhookDeliveryAttempt[]> {
    return this.dataSource.getRepository(WebhookDeliveryAttempt).find({ where: { deliveryId }, order: { attemptedAt: 'ASC', id: 'ASC' } });
  }

  /** Records one POST and, when it settles the delivery, its final status, together. */
  async recordAttempt(deliveryId: string, attempt: NewAttempt, settles: Extract<WebhookDeliveryStatus, 'succeeded' | 'cancelled'> | null): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(WebhookDeliveryAttempt).insert({ deliveryId, ...attempt });
      await manager.query(
        `UPDATE webhook_deliveries SET attempt_count = attempt_count + 1, last_attempt_at = now(),
           status = COALESCE($2::text, status), finished_at = CASE WHEN $2::text IS NULL THEN finished_at ELSE now() END
         WHERE id = $1`,
        [deliveryId, settles],
      );
    });
  }

  /** Settles a pending delivery; false when it was settled already (a repeated activity). */
  async settle(deliveryId: string, status: Exclude<WebhookDeliveryStatus, 'pending'>): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = $2, finished_at = now() WHERE id = $1 AND status = 'pending'`, [deliveryId, status],
    );
    return affected > 0;
  }

  /** Puts a settled delivery back to pending, for a manual retry; false when it is still pending. */
  async reopen(accountId: string, deliveryId: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'pending', finished_at = NULL WHERE id = $1 AND account_id = $2 AND status <> 'pending'`,
      [deliveryId, accountId],
    );
    return affected > 0;
  }
}
