import type { PersonalTable } from './types';

/**
 * The prospects' data: the person, their sequences, what was sent to them and what came back.
 * Listed children first (tracking events and tasks before messages and enrollments, those
 * before the prospect): erasure walks this order, so every row it removes is counted and its
 * id kept in the ledger before a cascade could take it silently.
 */

/** The prospect's enrollments, as a condition on a table's `enrollment_id`. */
const OF_ENROLLMENTS = `t.enrollment_id IN (SELECT id FROM enrollments WHERE prospect_id = $1)`;
/** The messages sent to the prospect. */
const MESSAGES = `SELECT m.id FROM messages m JOIN enrollments e ON e.id = m.enrollment_id WHERE e.prospect_id = $1`;

export const PROSPECT_TABLES: PersonalTable[] = [
  {
    table: 'prospect_suggestions',
    purpose: 'A colleague a referral offered in place of a prospect who left, for the rep to accept or dismiss.',
    columns: [
      { column: 'email', kind: 'email' },
      { column: 'name', kind: 'name' },
    ],
    // The row is about the suggested person: gone with them once they became the prospect erased, or
    // when they are that prospect's address. Who left (departed_prospect_id) is unlinked by its foreign key.
    lookups: [
      { subject: 'prospect', column: 'created_prospect_id' },
      { subject: 'prospect', sql: `(t.account_id, t.email) IN (SELECT account_id, email FROM prospects WHERE id = $1)` },
      { subject: 'account', column: 'account_id' },
    ],
    erasure: 'delete_row',
  },
  {
    table: 'tracking_events',
    purpose: 'Opens, clicks and unsubscribes of the emails sent to a prospect, for campaign statistics.',
    columns: [
      { column: 'ip_anonymised', kind: 'ip' },
      { column: 'country', kind: 'postal_address', note: 'the country the opening IP was in' },
      { column: 'user_agent', kind: 'free_text' },
      { column: 'url', kind: 'free_text', note: 'the link followed: may carry the recipient in its query' },
    ],
    lookups: [
      { subject: 'prospect', sql: `t.message_id IN (${MESSAGES})` },
      { subject: 'account', column: 'account_id' },
    ],
    erasure: 'delete_row',
  },
  {
    table: 'tasks',
    purpose: 'Manual steps a rep does for one prospect (a call, a LinkedIn message).',
    columns: [
      { column: 'title', kind: 'free_text' },
      { column: 'instructions', kind: 'free_text' },
    ],
    lookups: [{ subject: 'prospect', sql: OF_ENROLLMENTS }, { subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
  {
    table: 'inbound_messages',
    purpose: 'Replies, auto-replies and bounces from a prospect, for the team\'s shared conversation view.',
    columns: [
      { column: 'from_address', kind: 'email' },
      { column: 'to_addresses', kind: 'email', note: 'text array: every recipient' },
      { column: 'subject', kind: 'free_text' },
      { column: 'body_text', kind: 'free_text' },
      { column: 'quoted_text', kind: 'free_text' },
      { column: 'bounce_diagnostic', kind: 'free_text', note: 'the remote server\'s words, often naming the address' },
      { column: 'message_id_header', kind: 'free_text', note: 'made by the prospect\'s mail client: may name their host' },
    ],
    // Matched to the prospect's sequence, a bounce of an email sent to them, or simply from their address.
    lookups: [
      { subject: 'prospect', sql: OF_ENROLLMENTS },
      { subject: 'prospect', sql: `t.in_reply_to_message_id IN (${MESSAGES})` },
      { subject: 'prospect', sql: `(t.account_id, t.from_address) IN (SELECT account_id, email FROM prospects WHERE id = $1)` },
      { subject: 'account', column: 'account_id' },
    ],
    erasure: 'delete_row',
  },
  {
    table: 'messages',
    purpose: 'The outbox: every email sent to a prospect, kept for the team\'s shared conversation view.',
    columns: [
      { column: 'to_address', kind: 'email' },
      { column: 'from_address', kind: 'email', note: 'the rep\'s mailbox' },
      { column: 'subject', kind: 'free_text' },
      { column: 'body_text', kind: 'free_text' },
      { column: 'tracked_links', kind: 'free_text', note: 'text array: links as sent, possibly personalised' },
      { column: 'error', kind: 'free_text', note: 'SMTP errors quote the recipient' },
      { column: 'smtp_response', kind: 'free_text', note: 'SMTP answers quote the recipient' },
    ],
    lookups: [{ subject: 'prospect', sql: OF_ENROLLMENTS }, { subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
  {
    table: 'enrollments',
    purpose: 'Which campaigns a prospect is in, and where their sequence stands.',
    // No personal column: the row itself says the person was prospected.
    columns: [],
    lookups: [{ subject: 'prospect', column: 'prospect_id' }, { subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
  {
    table: 'prospects',
    purpose: 'The people a customer prospects: who they are and how to write to them.',
    columns: [
      { column: 'email', kind: 'email' },
      { column: 'first_name', kind: 'name' },
      { column: 'last_name', kind: 'name' },
      { column: 'position', kind: 'free_text' },
      { column: 'company', kind: 'free_text' },
      { column: 'country', kind: 'postal_address' },
      { column: 'time_zone', kind: 'postal_address', note: 'where they live, roughly' },
      { column: 'custom_fields', kind: 'free_text', note: 'jsonb: anything the customer imported' },
      { column: 'tags', kind: 'free_text', note: 'text array: the rep\'s labels, which may describe the person' },
    ],
    lookups: [{ subject: 'prospect', column: 'id' }, { subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
];
