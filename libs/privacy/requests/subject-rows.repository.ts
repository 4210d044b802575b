import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { normaliseEmail } from '../suppression-keys';
import { PERSONAL_DATA } from '../registry';
import type { PersonalTable } from '../registry/types';

/** A prospect a request is about, by ids. */
export interface ProspectRef {
  accountId: string;
  prospectId: string;
}

/** A rep of an account a request is about, by ids. */
export interface UserRef {
  accountId: string;
  userId: string;
}

/** Prospect fields a rectification may set: the ones a person can say are wrong about them. */
export const RECTIFIABLE_FIELDS = ['first_name', 'last_name', 'position', 'company', 'country'] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];

/** The rows a privacy request reads or changes about its subject, found through the personal-data registry. */
@Injectable()
export class SubjectRowsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The prospects holding `email` (normalised), in `accountId` or in every account when null. */
  async prospectsByEmail(email: string, accountId: string | null): Promise<ProspectRef[]> {
    const rows: { id: string; account_id: string }[] = await this.dataSource.query(
      `SELECT id, account_id FROM prospects WHERE email = $1 AND ($2::uuid IS NULL OR account_id = $2) ORDER BY id`,
      [normaliseEmail(email), accountId],
    );
    return rows.map((row) => ({ accountId: row.account_id, prospectId: row.id }));
  }

  /** The users (reps) holding `email`, in `accountId` or in every account when null. */
  async usersByEmail(email: string, accountId: string | null): Promise<UserRef[]> {
    const rows: { id: string; account_id: string }[] = await this.dataSource.query(
      `SELECT id, account_id FROM users WHERE lower(email) = $1 AND ($2::uuid IS NULL OR account_id = $2) ORDER BY id`,
      [normaliseEmail(email), accountId],
    );
    return rows.map((row) => ({ accountId: row.account_id, userId: row.id }));
  }

  async userExists(ref: UserRef): Promise<boolean> {
    return (await this.user(ref)) !== null;
  }

  /** The rep's address, and whether they are their account's only owner (whom only a closure erases). */
  async user(ref: UserRef): Promise<{ email: string; soleOwner: boolean } | null> {
    const [row] = await this.dataSource.query(
      `SELECT u.email, u.role = 'owner' AND NOT EXISTS (
         SELECT 1 FROM users o WHERE o.account_id = u.account_id AND o.role = 'owner' AND o.id <> u.id) AS sole_owner
       FROM users u WHERE u.id = $1 AND u.account_id = $2`,
      [ref.userId, ref.accountId],
    );
    return row ? { email: row.email, soleOwner: row.sole_owner } : null;
  }

  async prospectEmail(ref: ProspectRef): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT email FROM prospects WHERE id = $1 AND account_id = $2`, [ref.prospectId, ref.accountId]);
    return row?.email ?? null;
  }

  async prospectExists(ref: ProspectRef): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT 1 FROM prospects WHERE id = $1 AND account_id = $2`, [ref.prospectId, ref.accountId]);
    return Boolean(row);
  }

  /**
   * Every row the registry finds for the prospect or user, by table (for a prospect, messages
   * sent to and received from them among them): what an access request hands back. Tables
   * without rows are left out.
   */
  async rowsOf(kind: 'prospect' | 'user', id: string): Promise<Record<string, Record<string, unknown>[]>> {
    const found: Record<string, Record<string, unknown>[]> = {};
    for (const table of PERSONAL_DATA) {
      if ((table.database ?? 'main') !== 'main') continue;
      for (const lookup of table.lookups) {
        if (lookup.subject !== kind) continue;
        const where = 'sql' in lookup ? lookup.sql : `t."${lookup.column}" = $1`;
        const rows = withoutCredentials(table, await this.dataSource.query(`SELECT t.* FROM "${table.table}" t WHERE ${where}`, [id]));
        const seen = new Set((found[table.table] ?? []).map((row) => String(row.id)));
        const fresh = rows.filter((row) => !seen.has(String(row.id)));
        if (fresh.length > 0) found[table.table] = [...(found[table.table] ?? []), ...fresh];
      }
    }
    return found;
  }

  /** What the erasure ledger holds for a request: rows per table over every subject it erased, their workflows, how many erasures. */
  async erasedBy(requestId: string): Promise<{ counts: Record<string, number>; userIds: string[]; workflowIds: string[]; entries: number }> {
    const entries: { row_ids: Record<string, string[]>; workflow_ids: string[] }[] = await this.dataSource.query(
      `SELECT row_ids, workflow_ids FROM erasure_ledger WHERE request_id = $1`, [requestId],
    );
    const counts: Record<string, number> = {};
    for (const entry of entries) {
      for (const [table, ids] of Object.entries(entry.row_ids)) counts[table] = (counts[table] ?? 0) + ids.length;
    }
    return {
      counts,
      userIds: [...new Set(entries.flatMap((entry) => entry.row_ids.users ?? []))],
      workflowIds: [...new Set(entries.flatMap((entry) => entry.workflow_ids))],
      entries: entries.length,
    };
  }

  /** Sets or lifts the restricted flag; false when the prospect is gone. */
  async setRestricted(ref: ProspectRef, restricted: boolean): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE prospects SET restricted = $3, updated_at = now() WHERE id = $1 AND account_id = $2`,
      [ref.prospectId, ref.accountId, restricted],
    );
    return affected > 0;
  }

  /** Writes the named fields (only RECTIFIABLE_FIELDS reach here); false when the prospect is gone. */
  async rectify(ref: ProspectRef, fields: Partial<Record<RectifiableField, string | null>>): Promise<boolean> {
    const names = Object.keys(fields).filter((name): name is RectifiableField => (RECTIFIABLE_FIELDS as readonly string[]).includes(name));
    if (names.length === 0) return this.prospectExists(ref);
    const sets = names.map((name, i) => `"${name}" = $${i + 3}`);
    const [, affected] = await this.dataSource.query(
      `UPDATE prospects SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 AND account_id = $2`,
      [ref.prospectId, ref.accountId, ...names.map((name) => fields[name] ?? null)],
    );
    return affected > 0;
  }
}

/** The rows without their credential columns (an API key's hash): nothing an export should carry. */
function withoutCredentials(table: PersonalTable, rows: Record<string, unknown>[]): Record<string, unknown>[] {
  const credentials = table.columns.filter((column) => column.kind === 'credential').map((column) => column.column);
  if (credentials.length === 0) return rows;
  return rows.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !credentials.includes(column))));
}
