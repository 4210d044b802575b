/**
 * The statements that purge an account from the main database, children before parents, one
 * set-based DELETE per table (the account id as $1): every row goes in a few statements, never
 * one by one, and no foreign key has to cascade or refuse. Kept: audit_events (the trail outlives
 * the account, ids only), account_closures (the certificate), and the account's row as a
 * tombstone (ACCOUNT_TOMBSTONE_SQL) holding its support conversations until retention deletes
 * both, 90 days later. Billing records are kept too, as accounting law requires
 * (billing_subscriptions, stripe_events: Stripe's ids, statuses and dates, nothing else); the
 * monthly usage counters go.
 */
export interface PurgeStep {
  table: string;
  where: string;
}

const OF_ACCOUNT = `account_id = $1`;
const OF_CAMPAIGNS = `campaign_id IN (SELECT id FROM campaigns WHERE account_id = $1)`;
const OF_MAILBOXES = `mailbox_id IN (SELECT id FROM mailboxes WHERE account_id = $1)`;

export const ACCOUNT_PURGE_STEPS: readonly PurgeStep[] = [
  // The API's request logs of the account (its lines in the archives go through PurgeHooks.eraseArchivedLogs).
  { table: 'request_logs', where: OF_ACCOUNT },
  { table: 'tracking_events', where: OF_ACCOUNT },
  { table: 'mailbox_deliverability_events', where: OF_ACCOUNT },
  { table: 'prospect_suggestions', where: OF_ACCOUNT },
  { table: 'tasks', where: OF_ACCOUNT },
  { table: 'enrichment_results', where: OF_ACCOUNT },
  { table: 'enrichment_jobs', where: OF_ACCOUNT },
  // Before messages: their source_message_id would otherwise be set to null row by row.
  { table: 'suppressions', where: OF_ACCOUNT },
  { table: 'inbound_messages', where: OF_ACCOUNT },
  { table: 'messages', where: OF_ACCOUNT },
  { table: 'enrollments', where: OF_ACCOUNT },
  { table: 'launch_filters', where: OF_CAMPAIGNS },
  { table: 'campaign_mailboxes', where: OF_CAMPAIGNS },
  { table: 'steps', where: OF_CAMPAIGNS },
  { table: 'campaigns', where: OF_ACCOUNT },
  { table: 'prospects', where: OF_ACCOUNT },
  { table: 'mailbox_send_state', where: OF_MAILBOXES },
  { table: 'subprocessor_notice_sends', where: `user_id IN (SELECT id FROM users WHERE account_id = $1)` },
  { table: 'subprocessor_notice_subscriptions', where: OF_ACCOUNT },
  // Stored answers to Idempotency-Key requests (they may name prospects).
  { table: 'idempotency_keys', where: OF_ACCOUNT },
  { table: 'billing_monthly_usage', where: OF_ACCOUNT },
  { table: 'api_keys', where: OF_ACCOUNT },
  // Pending invitations name the invitee's address; the confirmed sign-up names the owner's.
  { table: 'invitations', where: OF_ACCOUNT },
  { table: 'signup_requests', where: OF_ACCOUNT },
  { table: 'account_exports', where: OF_ACCOUNT },
  { table: 'mailboxes', where: OF_ACCOUNT },
  { table: 'users', where: OF_ACCOUNT },
  { table: 'erasure_ledger', where: OF_ACCOUNT },
];

/**
 * What stays of the account's own row: its id and when it was deleted, nothing that names
 * anyone. The policy keeps support conversations 90 days after an account's deletion; they
 * hang on this row, and the support-conversations retention job deletes both at the end.
 */
export const ACCOUNT_TOMBSTONE_SQL =
  `UPDATE accounts SET name = '', tracking_domain = NULL, closing_since = NULL, deleted_at = now() WHERE id = $1 AND deleted_at IS NULL`;

/**
 * Tables a purge leaves alone on purpose (support conversations and messages: until retention, see
 * ACCOUNT_TOMBSTONE_SQL; billing records: kept as accounting law requires).
 */
export const KEPT_AFTER_PURGE = [
  'audit_events', 'account_closures', 'support_conversations', 'support_messages', 'schema_migrations', 'staff_users', 'staff_tokens',
  'billing_subscriptions', 'stripe_events',
] as const;

export function purgeSql(step: PurgeStep): string {
  return `DELETE FROM "${step.table}" WHERE ${step.where}`;
}
