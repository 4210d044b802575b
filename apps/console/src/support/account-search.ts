import type { DataSource } from 'typeorm';

export interface AccountMatch {
  id: string;
  name: string;
  /** The first owner's address, so the agent can tell two "Acme" apart. */
  ownerEmail: string | null;
}

export type AccountSearch = { ok: true; matches: AccountMatch[] } | { ok: false; message: string };

const LIMIT = 10;

/**
 * Accounts for support to attach a conversation to: by id, by a part of the account's name or
 * of one of its users' addresses (a sender's domain finds their company). Deleted accounts are
 * left out. `%` and `_` in the query are taken literally.
 */
export async function searchAccounts(dataSource: DataSource, raw: unknown): Promise<AccountSearch> {
  const query = typeof raw === 'string' ? raw.trim() : '';
  if (query.length < 2) return { ok: false, message: 'search: type at least 2 characters (a name, an address, a domain or an id)' };
  if (query.length > 200) return { ok: false, message: 'search: at most 200 characters' };
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows: { id: string; name: string; owner_email: string | null }[] = await dataSource.query(
    `SELECT a.id, a.name,
       (SELECT u.email FROM users u WHERE u.account_id = a.id AND u.role = 'owner' ORDER BY u.created_at LIMIT 1) AS owner_email
     FROM accounts a
     WHERE a.deleted_at IS NULL
       AND (a.id::text = lower($1) OR a.name ILIKE $2
         OR EXISTS (SELECT 1 FROM users u WHERE u.account_id = a.id AND u.email ILIKE $2))
     ORDER BY a.name, a.id
     LIMIT ${LIMIT}`,
    [query, pattern],
  );
  return { ok: true, matches: rows.map((row) => ({ id: row.id, name: row.name, ownerEmail: row.owner_email })) };
}
