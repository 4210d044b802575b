import type { NonPersonalColumn, PersonalTable } from './types';

/**
 * The tables retention keeps and empties: the API's request log and support conversations.
 *
 * An unattached conversation's contact_email is not found by an address-only erasure request
 * (the registry finds people by ids); it expires 90 days after its last message, and staff
 * attach a conversation to its account as soon as they know it.
 *
 * request_logs.ip is personal even anonymised: a /24 (or /48) network beside an account or
 * user id and a time still points at the few people behind that network who used that account
 * (the CJEU's Breyer reasoning applies to what can be combined, not to the address alone). So
 * it is declared an `ip` and the whole row goes with its account or user. Rows without a caller
 * (prospects opening tracked links) keep no network at all, since no erasure could find them
 * (see request-log.middleware.ts). Staff rows are found by staff_user_id once the registry has a
 * staff subject. Country and browser
 * family alone single nobody out (each is shared by millions) but describe the same request:
 * they go with the row, and are declared not personal with that reason.
 */
export const RETENTION_TABLES: PersonalTable[] = [
  {
    table: 'request_logs',
    purpose: 'Server logs the privacy policy announces: kept 30 days, then archived (gzip), archives destroyed after 1 year.',
    columns: [{ column: 'ip', kind: 'ip', note: 'anonymised (IPv4 /24, IPv6 /48); only on rows with an account or staff caller' }],
    lookups: [
      { subject: 'user', column: 'user_id' },
      { subject: 'account', column: 'account_id' },
    ],
    erasure: 'delete_row',
  },
  {
    table: 'support_messages',
    purpose: 'What a customer wrote to support and was answered; deleted with its conversation.',
    columns: [{ column: 'body', kind: 'free_text' }],
    lookups: [
      { subject: 'user', column: 'author_user_id' },
      { subject: 'account', sql: 't.conversation_id IN (SELECT id FROM support_conversations WHERE account_id = $1)' },
    ],
    erasure: 'delete_row',
  },
  {
    table: 'support_conversations',
    purpose: 'A customer\'s conversation with support; deleted 90 days after the account\'s deletion, '
      + 'or, never attached to an account, 90 days after its last message.',
    columns: [
      { column: 'subject', kind: 'free_text' },
      { column: 'contact_email', kind: 'email', note: 'only on conversations staff opened from an e-mail' },
    ],
    lookups: [{ subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
];

const by = (table: string, reason: string, ...columns: string[]): NonPersonalColumn[] =>
  columns.map((column) => ({ table, column, reason }));

export const RETENTION_NOT_PERSONAL: NonPersonalColumn[] = [
  ...by('request_logs', 'the HTTP method and the route pattern (`/v1/prospects/:id`), never the URL itself', 'method', 'route'),
  ...by('request_logs', 'a country or a browser family, each shared by millions; deleted with its row (see ip)', 'country', 'browser'),
  ...by('retention_runs', 'which job ran, its counts and its failure message: numbers and Relance\'s own words',
    'job', 'counts', 'error'),
];
