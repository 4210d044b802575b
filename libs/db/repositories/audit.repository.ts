import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEvent, AuditActorKind } from '../entities/audit-event.entity';
import { keysetPage, type Page, type PageRequest } from './keyset-page';

export interface AuditEntry {
  actor: { kind: AuditActorKind; id: string | null };
  action: string;
  target: { type: string; id: string };
  accountId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditFilter {
  targetType?: string;
  targetId?: string;
  accountId?: string;
  actorKind?: AuditActorKind;
  actorId?: string;
  action?: string;
  /** Inclusive lower bound of occurred_at. */
  from?: Date;
  /** Exclusive upper bound of occurred_at. */
  to?: Date;
}

/** The audit trail's rows: appended, read, never changed (the table refuses UPDATE and DELETE). */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends one event; inside `manager`'s transaction when given, so it commits with what it records. */
  async append(entry: AuditEntry, manager: EntityManager = this.dataSource.manager): Promise<AuditEvent> {
    const [row] = await manager.query(
      `INSERT INTO audit_events (actor_kind, actor_id, action, target_type, target_id, account_id, reason, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [entry.actor.kind, entry.actor.id, entry.action, entry.target.type, entry.target.id, entry.accountId ?? null,
        entry.reason ?? null, JSON.stringify(entry.details ?? {})],
    );
    return toEvent(row);
  }

  /** Newest first, narrowed by whichever filters are given (all of them must hold). */
  list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEvent> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT * FROM audit_events`,
      params: [],
      filter: {
        sql: `($1::text IS NULL OR target_type = $1) AND ($2::text IS NULL OR target_id = $2)
          AND ($3::uuid IS NULL OR account_id = $3) AND ($4::text IS NULL OR actor_kind = $4)
          AND ($5::uuid IS NULL OR actor_id = $5) AND ($6::text IS NULL OR action = $6)
          AND ($7::timestamptz IS NULL OR occurred_at >= $7) AND ($8::timestamptz IS NULL OR occurred_at < $8)`,
        params: [filter.targetType ?? null, filter.targetId ?? null, filter.accountId ?? null, filter.actorKind ?? null,
          filter.actorId ?? null, filter.action ?? null, filter.from ?? null, filter.to ?? null],
      },
      key: ['occurred_at', 'id'],
      descending: true,
      map: toEvent,
    }, page);
  }
}

function toEvent(row: Record<string, any>): AuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorKind: row.actor_kind,
    actorId: row.actor_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    accountId: row.account_id,
    reason: row.reason,
    details: row.details,
  };
}
