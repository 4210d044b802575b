import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditRepository } from '@relance/db';
import type { AuditEntry } from '@relance/db/repositories/audit.repository';
import type { AuditEvent } from '@relance/db';
import { maskEmailAddresses } from '@relance/observability';

/**
 * Records what staff and the system do to personal data: who, what, on which target (an id),
 * when and why. Ids only; an address typed into a reason is masked before it is stored, since
 * the trail outlives every erasure and must not undo one.
 */
@Injectable()
export class AuditTrail {
  constructor(@Inject(AuditRepository) private readonly events: AuditRepository) {}

  /** Appends the entry, in `manager`'s transaction when given, so the trail and the change commit together. */
  record(entry: AuditEntry, manager?: EntityManager): Promise<AuditEvent> {
    const reason = entry.reason == null ? null : maskEmailAddresses(entry.reason);
    return this.events.append({ ...entry, reason }, manager);
  }
}
