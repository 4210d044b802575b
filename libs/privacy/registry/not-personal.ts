import type { NonPersonalColumn } from './types';

/** Text-like columns that hold nobody's personal data, each with why, so none is forgotten by accident. */
const STATUS = 'a state or kind from a fixed list';
const GENERATED = 'made by Relance itself (ids, headers, keys): names nobody';
const SETTING = 'a campaign or mailbox setting the customer chose, about no person';
const TEMPLATE = 'a template the rep wrote for every recipient; variables are filled in the sent message only';

const by = (table: string, reason: string, ...columns: string[]): NonPersonalColumn[] =>
  columns.map((column) => ({ table, column, reason }));

export const NOT_PERSONAL: NonPersonalColumn[] = [
  ...by('account_closures', STATUS, 'status'),
  ...by('account_closures', 'a closure certificate: ids, times and row counts per table, naming nobody',
    'certificate', 'certificate_jws'),
  ...by('account_exports', STATUS, 'status'),
  ...by('account_exports', 'row counts per entity, and why an export failed (a reason written by Relance)', 'row_counts', 'error'),
  ...by('accounts', 'a domain the customer serves tracked links from', 'tracking_domain'),
  ...by('api_keys', 'a label the customer gave the key', 'name'),
  ...by('signup_requests', 'SHA-256 of a random token mailed once: it names nobody', 'token_hash'),
  ...by('invitations', 'SHA-256 of a random token mailed once: it names nobody', 'token_hash'),
  ...by('invitations', STATUS, 'role'),
  ...by('api_rate_limits', 'the rate limiter\'s counter key: a policy name and an API key id', 'key'),
  ...by('idempotency_keys', 'SHA-256 of the request, compared with a repeat\'s and deleted with the row', 'request_hash'),
  ...by('idempotency_keys', STATUS, 'state'),
  ...by('api_keys', 'the first characters of a key, to recognise it: opens nothing alone', 'prefix'),
  ...by('audit_events', 'the trail holds ids only; a reason has addresses masked before it is stored (AuditTrail)',
    'action', 'actor_kind', 'target_type', 'target_id', 'details', 'reason'),
  ...by('campaigns', SETTING, 'name', 'sending_window', 'time_zone', 'tracking_domain'),
  ...by('campaigns', STATUS, 'status', 'pause_reason'),
  ...by('enrollments', STATUS, 'status', 'stop_reason', 'waiting_reason'),
  ...by('enrollments', GENERATED, 'workflow_id'),
  ...by('erasure_ledger', 'row ids and workflow ids of what an erasure removed: names nobody once the rows are gone',
    'row_ids', 'workflow_ids'),
  ...by('inbound_messages', STATUS, 'kind', 'bounce_status', 'bounce_raw_status', 'bounce_reason', 'feedback_type'),
  ...by('mailbox_deliverability_events', STATUS, 'reason'),
  ...by('mailboxes', 'written by Relance: a count of refusals and their reason code, naming nobody', 'pause_reason'),
  ...by('inbound_messages', 'the IMAP folder\'s UIDVALIDITY, a number', 'imap_uid_validity'),
  ...by('staff_users', STATUS, 'role'),
  ...by('staff_users', 'an argon2id hash of a password: salted and slow, it names nobody', 'password_hash'),
  ...by('console_sessions', 'a random session id and the cookie\'s expiry and flags: the member is a uuid column', 'sid', 'cookie'),
  ...by('staff_tokens', 'SHA-256 of a random token shown once: it opens nothing and names nobody', 'token_hash'),
  ...by('launch_filters', 'criteria over companies, countries, zones and dates, naming no person', 'criteria'),
  ...by('mailbox_secrets', 'which master key wrapped the data key', 'key_id'),
  ...by('mailbox_send_state', 'a calendar day', 'day'),
  ...by('mailboxes', 'the provider\'s server names', 'smtp_host', 'imap_host'),
  ...by('mailboxes', SETTING, 'sending_window', 'sent_copy', 'time_zone'),
  ...by('mailboxes', 'the IMAP folder\'s UIDVALIDITY, a number', 'imap_uid_validity'),
  ...by('messages', STATUS, 'status', 'variant'),
  ...by('messages', GENERATED, 'message_id_header', 'in_reply_to', 'references', 'tracking_base_url'),
  ...by('privacy_requests', STATUS, 'type', 'subject_kind', 'requester', 'status', 'verification_method'),
  ...by('privacy_requests', 'a compact JWS of ids, table names, counts and times: names nobody', 'certificate'),
  ...by('privacy_request_events', STATUS, 'kind'),
  ...by('privacy_request_events', 'ids, dates and counts written by Relance', 'details'),
  ...by('prospect_suggestions', STATUS, 'status'),
  ...by('prospects', STATUS, 'status'),
  ...by('schema_migrations', 'migration class names', 'name'),
  ...by('steps', TEMPLATE, 'subject', 'body', 'variants', 'task_title', 'task_instructions'),
  ...by('steps', STATUS, 'kind', 'wait_unit', 'condition_kind', 'condition_then', 'condition_else'),
  ...by('suppressions', STATUS, 'kind', 'reason'),
  ...by('suppressions', 'a whole domain (a company\'s), never one person\'s address', 'domain'),
  ...by('tasks', STATUS, 'status', 'cancel_reason'),
  ...by('tracking_events', STATUS, 'kind'),
  ...by('users', STATUS, 'role'),
];
