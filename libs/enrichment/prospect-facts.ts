import type { ProspectFacts } from './verification';

export const FILLABLE: readonly (keyof ProspectFacts)[] = ['position', 'company', 'country'];

/**
 * What an enrichment may write: only the fields the prospect has empty (null or blank), never
 * over what the rep entered; values trimmed and capped at the API's own field length.
 */
export function factsToFill(current: Record<keyof ProspectFacts, string | null>, facts: ProspectFacts): ProspectFacts {
  const fill: ProspectFacts = {};
  for (const name of FILLABLE) {
    const value = facts[name]?.trim().slice(0, 200);
    if (value && (current[name] ?? '').trim() === '') fill[name] = value;
  }
  return fill;
}
