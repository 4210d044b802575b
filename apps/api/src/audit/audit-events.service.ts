import { Inject, Injectable } from '@nestjs/common';
import { AuditRepository } from '@relance/db/repositories/audit.repository';
import type { AuditEvent } from '@relance/db/entities/audit-event.entity';
import type { Page } from '@relance/db/repositories/keyset-page';
import { DomainError } from '@relance/errors';
import { invalidCursor } from '../common/pagination';
import { instantOf } from '../common/validators/instant';
import type { ListAuditEventsQuery } from './dto/list-audit-events.query';

const DEFAULT_PAGE = 50;

/** Reads the audit trail for staff. There is nothing here that changes it: the trail is append-only. */
@Injectable()
export class AuditEventsService {
  constructor(@Inject(AuditRepository) private readonly events: AuditRepository) {}

  async list(query: ListAuditEventsQuery): Promise<Page<AuditEvent>> {
    const from = query.from === undefined ? undefined : instantOf(query.from)!;
    const to = query.to === undefined ? undefined : instantOf(query.to)!;
    if (from && to && from >= to) {
      throw DomainError.validation([{ field: 'to', message: 'to must be later than from' }]);
    }
    const page = await this.events.list(
      {
        targetType: query.targetType, targetId: query.targetId, actorKind: query.actorKind, actorId: query.actorId,
        action: query.action, accountId: query.accountId, from, to,
      },
      { limit: query.limit ?? DEFAULT_PAGE, after: query.after },
    );
    if (!page) throw invalidCursor('an audit event');
    return page;
  }
}
