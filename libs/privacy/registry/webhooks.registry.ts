import type { NonPersonalColumn, PersonalTable } from './types';

const OF_DELIVERIES = (column: 'prospect_id' | 'account_id') =>
  `t.delivery_id IN (SELECT id FROM webhook_deliveries WHERE ${column} = $1)`;

/**
 * Outbound webhooks: what was posted about a prospect (the payload names them: their address,
 * their name) and what the receiver answered, found by the prospect and gone with them; the
 * account's endpoints (a URL and a description its users wrote, the sealed signing secret),
 * gone with the account. Children first.
 */
export const WEBHOOK_TABLES: PersonalTable[] = [
  {
    table: 'webhook_delivery_attempts',
    purpose: 'Each POST of an event to a customer\'s endpoint: when, the status and the start of the answer, for their debugging.',
    columns: [{ column: 'response_snippet', kind: 'free_text', note: 'the receiver\'s answer may echo the payload' }],
    lookups: [{ subject: 'prospect', sql: OF_DELIVERIES('prospect_id') }, { subject: 'account', sql: OF_DELIVERIES('account_id') }],
    erasure: 'delete_row',
  },
  {
    table: 'webhook_deliveries',
    purpose: 'An event (a reply, a bounce, an unsubscribe…) posted to the customer\'s own system, as they asked.',
    columns: [{ column: 'payload', kind: 'free_text', note: 'jsonb: the event as posted (the prospect\'s address, name, company)' }],
    lookups: [{ subject: 'prospect', column: 'prospect_id' }, { subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
  {
    table: 'webhook_endpoints',
    purpose: 'Where the customer wants events posted, and the secret that signs them (sealed).',
    columns: [
      { column: 'url', kind: 'free_text', note: 'the customer\'s URL; may carry a name in its path' },
      { column: 'description', kind: 'free_text', note: 'written by the account\'s users' },
      { column: 'secret_ciphertext', kind: 'credential', note: 'bytea, AES-256-GCM' },
      { column: 'secret_wrapped_key', kind: 'credential', note: 'bytea: the data key, wrapped by the master key' },
    ],
    lookups: [{ subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
];

const by = (table: string, reason: string, ...columns: string[]): NonPersonalColumn[] =>
  columns.map((column) => ({ table, column, reason }));

export const WEBHOOK_NOT_PERSONAL: NonPersonalColumn[] = [
  ...by('webhook_endpoints', 'a kind, event type names and a state from fixed lists', 'kind', 'events'),
  ...by('webhook_endpoints', 'which master key wrapped the data key', 'secret_key_id'),
  ...by('webhook_endpoints', 'why Relance disabled the endpoint, in its own words (a count of failures)', 'disabled_reason'),
  ...by('webhook_deliveries', 'an event type name and a status from fixed lists', 'event_type', 'status'),
  ...by('webhook_deliveries', 'the event\'s kind and a row id (inbound:<uuid>)', 'event_key'),
  ...by('webhook_delivery_attempts', 'why no answer came, in Relance\'s words (timeout, connection refused)', 'error'),
];
