import type { PersonalTable } from './types';

/**
 * What erasure leaves behind on purpose: keyed hashes of addresses, so an erased person is never
 * mailed or imported again, and the ledger that re-applies erasures after a restore. Kept as
 * they are by an erasure; removed with their account.
 */
export const SUPPRESSION_TABLES: PersonalTable[] = [
  {
    table: 'suppressions',
    purpose: 'Who an account must never write to: an address (as its keyed hash) or a domain.',
    columns: [{ column: 'email_hash', kind: 'email_hash', erasure: 'keep' }],
    lookups: [{ subject: 'email_hash', column: 'email_hash' }, { subject: 'account', column: 'account_id' }],
    erasure: 'erase_columns',
  },
  {
    table: 'erasure_ledger',
    purpose: 'Which rows each erasure removed, by id and keyed hash, to erase them again after a database restore.',
    columns: [{ column: 'email_hash', kind: 'email_hash', erasure: 'keep' }],
    lookups: [{ subject: 'email_hash', column: 'email_hash' }],
    erasure: 'erase_columns',
  },
];
