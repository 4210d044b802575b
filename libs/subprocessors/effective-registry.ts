import type { FieldChange, SubprocessorChangeKind, SubprocessorStatus } from '@relance/db/entities';
import { SUBPROCESSOR_FIELDS, type SubprocessorField, type SubprocessorFields } from './subprocessor-fields';

/** An entry as stored: the newest values staff saved, including changes not in effect yet. */
export interface StoredEntry extends SubprocessorFields {
  id: string;
  status: SubprocessorStatus;
}

/** A change-log row, as the public view needs it. */
export interface LoggedChange {
  id: string;
  subprocessorId: string;
  kind: SubprocessorChangeKind;
  changes: Record<string, FieldChange>;
  effectiveAt: Date;
  createdAt: Date;
}

export interface UpcomingChange {
  changeId: string;
  subprocessorId: string;
  /** The entry's name once the change applies. */
  name: string;
  kind: SubprocessorChangeKind;
  changes: Record<string, FieldChange>;
  effectiveAt: Date;
}

export interface EffectiveRegistry {
  /** Active entries as of `now`, by name. */
  current: (SubprocessorFields & { id: string })[];
  /** Changes not in effect yet, soonest first. */
  upcoming: UpcomingChange[];
}

/**
 * The registry as it stands at `now`: stored entries with every change not yet in effect undone,
 * newest first. A change's effective date is never before an earlier pending change of the same
 * entry (see effectiveDateFor), so undoing in creation order is exact. An entry added with a
 * future date is not current yet; one retired with a future date still is, its retirement upcoming.
 */
export function effectiveRegistry(entries: readonly StoredEntry[], changes: readonly LoggedChange[], now: Date): EffectiveRegistry {
  const pending = changes.filter((change) => change.effectiveAt.getTime() > now.getTime());
  const byId = new Map(entries.map((entry) => [entry.id, { ...entry, exists: true }]));
  // The entry's name once each change applies: what it is just before that change is undone.
  const names = new Map<string, string>();
  for (const change of [...pending].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())) {
    const entry = byId.get(change.subprocessorId);
    if (!entry) continue;
    names.set(change.id, entry.name);
    if (change.kind === 'added') entry.exists = false;
    for (const [field, { before }] of Object.entries(change.changes)) {
      if (before === null) continue;
      if (field === 'status') entry.status = before as SubprocessorStatus;
      else if ((SUBPROCESSOR_FIELDS as readonly string[]).includes(field)) entry[field as SubprocessorField] = before;
    }
  }
  const current = [...byId.values()]
    .filter((entry) => entry.exists && entry.status === 'active')
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .map((entry) => ({ id: entry.id, ...pick(entry) }));
  const upcoming = [...pending]
    .sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime())
    .map((change) => ({
      changeId: change.id,
      subprocessorId: change.subprocessorId,
      name: names.get(change.id) ?? change.changes.name?.after ?? '',
      kind: change.kind,
      changes: change.changes,
      effectiveAt: change.effectiveAt,
    }));
  return { current, upcoming };
}

function pick(entry: SubprocessorFields): SubprocessorFields {
  return Object.fromEntries(SUBPROCESSOR_FIELDS.map((field) => [field, entry[field]])) as SubprocessorFields;
}
