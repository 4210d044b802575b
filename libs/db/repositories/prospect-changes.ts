import type { Prospect } from '../entities/prospect.entity';

/** The fields of a prospect a rep may change (rectify), in the order the audit names them. */
export const PROSPECT_FIELDS = [
  'email', 'firstName', 'lastName', 'position', 'company', 'country', 'timeZone', 'customFields', 'tags', 'restricted',
] as const;

export type ProspectField = (typeof PROSPECT_FIELDS)[number];

/** New values of some fields; `email` already normalised, tags already normalised. */
export type ProspectChanges = Partial<Pick<Prospect, ProspectField>>;

/** The fields `changes` gives a value different from the prospect's: what an update writes and the audit names. */
export function changedProspectFields(before: Pick<Prospect, ProspectField>, changes: ProspectChanges): ProspectField[] {
  return PROSPECT_FIELDS.filter((field) => field in changes && changes[field] !== undefined
    && comparable(before[field]) !== comparable(changes[field]));
}

/** Custom fields compare whatever their keys' order; tags in order (their order is the rep's). */
function comparable(value: unknown): string {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return JSON.stringify(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return JSON.stringify(value ?? null);
}
