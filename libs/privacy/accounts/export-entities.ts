/**
 * What an account export holds: one JSON and one CSV file per entity, each row of the account
 * found by `scope` (SQL on `t`, the account id as $1). Suppression entries go out as they are
 * stored: keyed hashes, never an address.
 */
export interface ExportedEntity {
  /** The files' name (`prospects.json`, `prospects.csv`). */
  name: string;
  table: string;
  scope: string;
  /** The columns written, in order; null: every column of the table. */
  columns: readonly string[] | null;
}

const OF_ACCOUNT = `t.account_id = $1`;

export const EXPORTED_ENTITIES: readonly ExportedEntity[] = [
  { name: 'prospects', table: 'prospects', scope: OF_ACCOUNT, columns: null },
  { name: 'campaigns', table: 'campaigns', scope: OF_ACCOUNT, columns: null },
  { name: 'steps', table: 'steps', scope: `t.campaign_id IN (SELECT id FROM campaigns WHERE account_id = $1)`, columns: null },
  { name: 'messages', table: 'messages', scope: OF_ACCOUNT, columns: null },
  { name: 'inbound_messages', table: 'inbound_messages', scope: OF_ACCOUNT, columns: null },
  { name: 'tracking_events', table: 'tracking_events', scope: OF_ACCOUNT, columns: null },
  { name: 'users', table: 'users', scope: OF_ACCOUNT, columns: null },
  // Not token_hash: a secret's digest is no one's data, and the export must not help replay it.
  { name: 'invitations', table: 'invitations', scope: OF_ACCOUNT, columns: ['id', 'email', 'role', 'invited_by_user_id', 'expires_at', 'created_at'] },
  { name: 'enrichment_results', table: 'enrichment_results', scope: OF_ACCOUNT, columns: null },
  {
    name: 'suppressions', table: 'suppressions', scope: OF_ACCOUNT,
    columns: ['id', 'kind', 'email_hash', 'domain', 'reason', 'created_at'],
  },
];
