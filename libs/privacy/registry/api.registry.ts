import type { PersonalTable } from './types';

/**
 * What the public API keeps between requests. First in the registry: no other table hangs on
 * these rows, and a prospect's or user's erasure removes the answers naming them before the
 * prospect's own row goes, last.
 */
export const API_TABLES: PersonalTable[] = [
  {
    table: 'idempotency_keys',
    purpose: 'The first answer to a create or launch request sent with an Idempotency-Key, replayed to its repeats for 24 hours.',
    columns: [
      { column: 'response_body', kind: 'free_text', note: 'json: the answer as sent (e.g. a created prospect with its address and name), sealed by the vault, beside the ids it mentions' },
      { column: 'key', kind: 'free_text', note: 'chosen by the customer\'s program: usually a uuid, but nothing stops it naming someone' },
    ],
    lookups: [
      { subject: 'account', column: 'account_id' },
      // An answer names a prospect by its id (a create, a batch): any answer that mentions it goes
      // (sealed answers keep the ids they mention in clear, under `mentions`, for this).
      { subject: 'prospect', sql: `t.response_body::text LIKE '%' || $1 || '%'` },
      // Likewise a user (the author of a support message, the owner of a created prospect).
      { subject: 'user', sql: `t.response_body::text LIKE '%' || $1 || '%'` },
    ],
    erasure: 'delete_row',
  },
];
