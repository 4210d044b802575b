import type { SuppressionKeys } from '@relance/db/repositories/suppression.repository';
import type { CheckedRow } from './batch-plan';
import type { ImportJobRepository } from './import-job.repository';

type KeysFor = (hashKey: Buffer, email: string) => SuppressionKeys;

/** How the report says why an address may not be imported: the list's own reason, in words. */
const REASONS: Record<string, string> = {
  unsubscribed: 'unsubscribed',
  manual: 'added by the account',
  hard_bounce: 'a hard bounce',
  complaint: 'a spam complaint',
  erasure: 'the person was erased at their request',
};

/**
 * Reads which of the good rows' addresses the account's suppression list forbids (by their
 * keyed hash, or their domain and its parents) and returns the function that marks those rows.
 */
export async function suppressionVerdicts(
  jobs: ImportJobRepository, hashKey: Buffer, accountId: string, rows: readonly CheckedRow[], keysFor: KeysFor,
): Promise<(rows: readonly CheckedRow[]) => CheckedRow[]> {
  const emails = [...new Set(rows.flatMap((row) => (row.kind === 'good' ? [row.prospect.email] : [])))];
  const keys = new Map(emails.map((email) => [email, keysFor(hashKey, email)]));
  const entries = await jobs.suppressionsMatching(accountId, [...keys.values()]);
  const byHash = new Map(entries.flatMap((e) => (e.email_hash ? [[e.email_hash, e.reason] as const] : [])));
  const byDomain = new Map(entries.flatMap((e) => (e.domain ? [[e.domain, e.reason] as const] : [])));
  const verdict = (email: string): string | null => {
    const key = keys.get(email)!;
    const own = byHash.get(key.emailHash);
    if (own) return `the address is on the account's suppression list (${REASONS[own] ?? own})`;
    const domain = key.domains.find((d) => byDomain.has(d));
    return domain ? `the domain ${domain} is on the account's suppression list (${REASONS[byDomain.get(domain)!] ?? byDomain.get(domain)})` : null;
  };
  return (checked) => checked.map((row) => (row.kind === 'good' ? { ...row, suppressed: verdict(row.prospect.email) } : row));
}
