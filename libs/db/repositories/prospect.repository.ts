import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { TemplateProspect } from '@relance/templates';
import { Prospect } from '../entities/prospect.entity';
import { listProspects, type ProspectListPage, type ProspectListQuery } from './prospect-list';
import { TEMPLATE_PROSPECT_COLUMNS, templateProspectOf } from './template-prospect';

/** The fields a caller may set on a new prospect; `email` must already be normalised. */
export interface NewProspect {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  position?: string | null;
  company?: string | null;
  country?: string | null;
  timeZone?: string | null;
  customFields?: Record<string, string>;
  /** Already normalised (lower-case, trimmed), without repeats. */
  tags?: string[];
}

@Injectable()
export class ProspectRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Returns null when the account already has a prospect with this email. */
  async insertOne(accountId: string, ownerId: string | null, prospect: NewProspect): Promise<Prospect | null> {
    const [created] = await this.insertMany(accountId, ownerId, [prospect]);
    return created ?? null;
  }

  /**
   * Inserts in one statement and returns the prospects created, in input order; rows whose
   * email the account already has (or that repeat an earlier row) are skipped.
   */
  async insertMany(accountId: string, ownerId: string | null, prospects: NewProspect[]): Promise<Prospect[]> {
    if (prospects.length === 0) return [];
    const rows = prospects.map((p) => ({
      email: p.email,
      first_name: p.firstName ?? null,
      last_name: p.lastName ?? null,
      position: p.position ?? null,
      company: p.company ?? null,
      country: p.country ?? null,
      time_zone: p.timeZone ?? null,
      custom_fields: p.customFields ?? {},
      tags: p.tags ?? [],
    }));
    const inserted: { id: string; email: string }[] = await this.dataSource.query(
      `INSERT INTO prospects
         (account_id, owner_id, email, first_name, last_name, position, company, country, time_zone, custom_fields, tags)
       SELECT $1, $2, r.email, r.first_name, r.last_name, r.position, r.company, r.country, r.time_zone,
              coalesce(r.custom_fields, '{}'::jsonb), coalesce(r.tags, '{}')
       FROM jsonb_to_recordset($3::jsonb) AS r(
         email text, first_name text, last_name text, position text, company text, country text,
         time_zone text, custom_fields jsonb, tags text[])
       ON CONFLICT (account_id, email) DO NOTHING
       RETURNING id, email`,
      [accountId, ownerId, JSON.stringify(rows)],
    );
    if (inserted.length === 0) return [];
    const created = await this.dataSource
      .getRepository(Prospect)
      .findBy({ accountId, id: In(inserted.map((row) => row.id)) });
    const byEmail = new Map(created.map((p) => [p.email, p]));
    return prospects.flatMap((p) => {
      const found = byEmail.get(p.email);
      byEmail.delete(p.email);
      return found ? [found] : [];
    });
  }

  findForAccount(accountId: string, id: string): Promise<Prospect | null> {
    return this.dataSource.getRepository(Prospect).findOneBy({ accountId, id });
  }

  /** The account's prospect as templates read it (a preview), or null. */
  async findForTemplates(accountId: string, id: string): Promise<TemplateProspect | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${TEMPLATE_PROSPECT_COLUMNS} FROM prospects p WHERE p.account_id = $1 AND p.id = $2`,
      [accountId, id],
    );
    return row ? templateProspectOf(row) : null;
  }

  findById(id: string): Promise<Prospect | null> {
    return this.dataSource.getRepository(Prospect).findOneBy({ id });
  }

  /** A page of the account's prospects, narrowed by `query` (see listProspects); null for another account's campaign. */
  list(accountId: string, query: ProspectListQuery): Promise<ProspectListPage | null> {
    return listProspects(this.dataSource, accountId, query);
  }
}
