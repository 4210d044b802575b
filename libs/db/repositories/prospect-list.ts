import type { DataSource } from 'typeorm';
import { Prospect, ProspectStatus } from '../entities/prospect.entity';
import { entityFromRow } from './entity-rows';
import { afterPosition, Position, positionColumn } from './position-cursor';

/** What the prospects list is narrowed by; every criterion given must hold. */
export interface ProspectListQuery {
  status?: ProspectStatus;
  /** Enrolled in this campaign (whatever the enrollment's state). */
  campaignId?: string;
  /** Carries this tag (already normalised). */
  tag?: string;
  restricted?: boolean;
  /** Appears in the first or last name, company or email, capitals aside. */
  search?: string;
  limit: number;
  after?: Position;
}

export interface ProspectListPage {
  items: Prospect[];
  /** The last row's position when another page follows. */
  next: Position | null;
}

/**
 * The text the free-text search reads: the exact expression of the trigram index
 * ix_prospects_search (ProspectTagsAndSearch1764316000000), so ILIKE '%…%' can use it.
 */
const PROSPECT_SEARCH_TEXT =
  `(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '') || ' ' || coalesce(p.company, '') || ' ' || p.email)`;

/** `text` matched literally inside ILIKE: its wildcards and the escape character escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * One page of the account's prospects in creation order, narrowed by `query`. Null when the
 * campaign filter names no campaign of the account (the caller says so rather than list nothing).
 */
export async function listProspects(db: DataSource, accountId: string, query: ProspectListQuery): Promise<ProspectListPage | null> {
  const params: unknown[] = [accountId];
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = ['p.account_id = $1'];
  if (query.campaignId !== undefined) {
    const [campaign] = await db.query(`SELECT 1 FROM campaigns WHERE id = $1 AND account_id = $2`, [query.campaignId, accountId]);
    if (!campaign) return null;
    conditions.push(`EXISTS (SELECT 1 FROM enrollments e WHERE e.campaign_id = ${param(query.campaignId)} AND e.prospect_id = p.id)`);
  }
  if (query.status !== undefined) conditions.push(`p.status = ${param(query.status)}`);
  if (query.tag !== undefined) conditions.push(`p.tags @> ARRAY[${param(query.tag)}::text]`);
  if (query.restricted !== undefined) conditions.push(`p.restricted = ${param(query.restricted)}`);
  if (query.search !== undefined) conditions.push(`${PROSPECT_SEARCH_TEXT} ILIKE ${param(containsPattern(query.search))}`);
  if (query.after) conditions.push(afterPosition('p', param(query.after.micros), param(query.after.id)));
  const rows: Record<string, any>[] = await db.query(
    `SELECT p.*, ${positionColumn('p')} FROM prospects p WHERE ${conditions.join(' AND ')}
     ORDER BY p.created_at, p.id LIMIT ${param(query.limit + 1)}`,
    params,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const toProspect = entityFromRow(db, Prospect);
  return {
    items: page.map(toProspect),
    next: rows.length > query.limit && last ? { micros: last.position_micros, id: last.id } : null,
  };
}
