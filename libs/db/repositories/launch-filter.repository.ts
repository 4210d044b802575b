import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LaunchFilter, ProspectFilter } from '../entities/launch-filter.entity';

/** The criteria of launches that choose their prospects by filter, by id. */
@Injectable()
export class LaunchFilterRepository {
  constructor(private readonly dataSource: DataSource) {}

  async save(campaignId: string, criteria: ProspectFilter): Promise<string> {
    const rows = this.dataSource.getRepository(LaunchFilter);
    return (await rows.save(rows.create({ campaignId, criteria }))).id;
  }

  async find(id: string): Promise<ProspectFilter | null> {
    return (await this.dataSource.getRepository(LaunchFilter).findOneBy({ id }))?.criteria ?? null;
  }
}

/**
 * SQL that holds when prospect `p` meets every criterion of the ProspectFilter in jsonb
 * parameter `param`, or when that parameter is NULL (no filter).
 */
export function prospectMatches(param: string): string {
  const criterion = (name: keyof ProspectFilter) => `(${param}::jsonb ->> '${name}')`;
  return `(${param}::jsonb IS NULL OR (
      (${criterion('company')} IS NULL OR lower(p.company) = lower(${criterion('company')}))
      AND (${criterion('country')} IS NULL OR upper(p.country) = upper(${criterion('country')}))
      AND (${criterion('timeZone')} IS NULL OR p.time_zone = ${criterion('timeZone')})
      AND (${criterion('createdAfter')} IS NULL OR p.created_at >= ${criterion('createdAfter')}::timestamptz)
      AND (${criterion('createdBefore')} IS NULL OR p.created_at < ${criterion('createdBefore')}::timestamptz)
      AND (${criterion('tag')} IS NULL OR p.tags @> ARRAY[${criterion('tag')}])))`;
}
