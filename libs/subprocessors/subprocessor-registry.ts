import type { AppConfig } from '@relance/config';
import type { FieldChange, SubprocessorChangeKind } from '@relance/db/entities';
import { DomainError, invalidCursor } from '@relance/errors';
import type { AuditTrail } from '@relance/privacy/audit-trail';
import { additionChanges, effectiveDateFor, fieldChanges } from './change-plan';
import { SUBPROCESSOR_FIELDS, type SubprocessorFields } from './subprocessor-fields';
import type { ChangeRow, EntryRow, RegistryTransaction, SubprocessorRepository } from './subprocessor.repository';
import type { Page, PageRequest } from '@relance/db/repositories/keyset-page';

/** When a change applies (parsed by the caller: an API body, a console form), and why (audit trail only). */
export interface ChangeTerms {
  effectiveAt?: Date;
  reason?: string;
}

/** The staff member making a change. */
export interface RegistryEditor {
  staffUserId: string;
}

/** Starts the workflow that mails subscribed owners one change (the API's and the console's own Temporal client). */
export type StartNotice = (changeId: string) => Promise<unknown>;

export interface RegistryChange {
  entry: EntryRow;
  change: ChangeRow;
}

/**
 * Admins' changes to the subprocessor registry. Each one, in one transaction: the entry saved
 * with its newest values, a change-log row with the date it takes effect, an audit event, and
 * the start of the workflow that mails subscribed owners. Temporal down: nothing is saved
 * (the API answers 503).
 */
export class SubprocessorRegistry {
  constructor(
    private readonly config: AppConfig,
    private readonly registry: SubprocessorRepository,
    private readonly audit: AuditTrail,
    private readonly startNotice: StartNotice,
  ) {}

  /** A page of entries in name order; a 400 for a cursor that names no entry. */
  async list(status: 'active' | 'retired' | undefined, page: PageRequest): Promise<Page<EntryRow>> {
    const found = await this.registry.listPage(status, page);
    if (!found) throw invalidCursor('a subprocessor entry');
    return found;
  }

  async get(id: string): Promise<{ entry: EntryRow; changes: ChangeRow[] }> {
    const entry = await this.registry.find(id);
    if (!entry) throw DomainError.notFound('subprocessor', id, 'id');
    return { entry, changes: await this.registry.changes({ subprocessorId: id, limit: 1000 }) };
  }

  /** A page of the change log, newest first; a 400 for a cursor that names no change. */
  async changes(subprocessorId: string | undefined, page: PageRequest): Promise<Page<ChangeRow>> {
    const found = await this.registry.changesPage(subprocessorId, page);
    if (!found) throw invalidCursor('a registry change');
    return found;
  }

  add(caller: RegistryEditor, fields: SubprocessorFields, terms: ChangeTerms): Promise<RegistryChange> {
    return this.changing(fields.name, async (tx) => {
      await this.refuseDuplicateName(tx, fields.name, null);
      const effectiveAt = this.effectiveAt(terms, null);
      const entry = await tx.insertEntry(fields);
      return this.logChange(tx, caller, entry, 'added', additionChanges(fields), effectiveAt, terms);
    });
  }

  edit(caller: RegistryEditor, id: string, edit: Partial<SubprocessorFields>, terms: ChangeTerms): Promise<RegistryChange> {
    if (!SUBPROCESSOR_FIELDS.some((field) => edit[field] !== undefined)) {
      throw DomainError.validation([{ field: 'body', message: `give at least one field to change: ${SUBPROCESSOR_FIELDS.join(', ')}` }]);
    }
    return this.changing(edit.name ?? '', async (tx) => {
      const entry = await this.locked(tx, id);
      if (entry.status === 'retired') throw new DomainError('conflict', `subprocessor ${id} is retired: it cannot be edited`);
      const changes = fieldChanges(entry, edit);
      if (Object.keys(changes).length === 0) {
        throw DomainError.validation([{ field: 'body', message: 'nothing changes: every field given already has that value' }]);
      }
      if (changes.name) await this.refuseDuplicateName(tx, changes.name.after, id);
      const effectiveAt = this.effectiveAt(terms, await tx.latestPending(id, new Date()));
      const saved = await tx.updateEntry(id, { ...pickFields(entry), ...definedOnly(edit) }, 'active');
      return this.logChange(tx, caller, saved, 'updated', changes, effectiveAt, terms);
    });
  }

  retire(caller: RegistryEditor, id: string, terms: ChangeTerms): Promise<RegistryChange> {
    return this.registry.transaction(async (tx) => {
      const entry = await this.locked(tx, id);
      if (entry.status === 'retired') throw new DomainError('conflict', `subprocessor ${id} is retired already`);
      const effectiveAt = this.effectiveAt(terms, await tx.latestPending(id, new Date()));
      const saved = await tx.updateEntry(id, pickFields(entry), 'retired');
      return this.logChange(tx, caller, saved, 'retired', { status: { before: 'active', after: 'retired' } }, effectiveAt, terms);
    });
  }

  private async logChange(
    tx: RegistryTransaction, caller: RegistryEditor, entry: EntryRow, kind: SubprocessorChangeKind,
    changes: Record<string, FieldChange>, effectiveAt: Date, terms: ChangeTerms,
  ): Promise<RegistryChange> {
    const change = await tx.insertChange({ subprocessorId: entry.id, kind, changes, effectiveAt, staffId: caller.staffUserId });
    await this.audit.record({
      actor: { kind: 'staff', id: caller.staffUserId },
      action: `subprocessor.${kind}`,
      target: { type: 'subprocessor', id: entry.id },
      reason: terms.reason ?? null,
      details: { changeId: change.id, effectiveAt: effectiveAt.toISOString(), fields: Object.keys(changes) },
    }, tx.manager);
    // Last, inside the transaction: a start refused (Temporal down) rolls everything back.
    await this.startNotice(change.id);
    return { entry, change };
  }

  /**
   * One change's transaction. Two admins giving the same name at once both pass the name check;
   * the unique index then refuses the second, answered as the check would have (409 on name).
   */
  private async changing(name: string, work: (tx: RegistryTransaction) => Promise<RegistryChange>): Promise<RegistryChange> {
    try {
      return await this.registry.transaction(work);
    } catch (error) {
      const driverError = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
      if (driverError?.code !== '23505' || driverError.constraint !== 'uq_subprocessors_active_name') throw error;
      throw new DomainError('conflict', `an active subprocessor is already named ${JSON.stringify(name)}`, { field: 'name' });
    }
  }

  private effectiveAt(terms: ChangeTerms, latestPending: Date | null): Date {
    const outcome = effectiveDateFor(terms.effectiveAt, { now: new Date(), noticePeriodMs: this.config.subprocessors.noticePeriodMs, latestPending });
    if ('problem' in outcome) throw DomainError.validation([outcome.problem]);
    return outcome.at;
  }

  private async locked(tx: RegistryTransaction, id: string): Promise<EntryRow> {
    const entry = await tx.lockEntry(id);
    if (!entry) throw DomainError.notFound('subprocessor', id, 'id');
    return entry;
  }

  private async refuseDuplicateName(tx: RegistryTransaction, name: string, exceptId: string | null): Promise<void> {
    const other = await tx.activeNamed(name, exceptId);
    if (other) throw new DomainError('conflict', `an active subprocessor is already named ${JSON.stringify(name)} (${other})`, { field: 'name' });
  }
}

function pickFields(entry: SubprocessorFields): SubprocessorFields {
  return Object.fromEntries(SUBPROCESSOR_FIELDS.map((field) => [field, entry[field]])) as SubprocessorFields;
}

function definedOnly(edit: Partial<SubprocessorFields>): Partial<SubprocessorFields> {
  return Object.fromEntries(Object.entries(edit).filter(([, value]) => value !== undefined));
}
