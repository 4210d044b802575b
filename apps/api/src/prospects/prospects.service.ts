import { Inject, Injectable } from '@nestjs/common';
import type { Prospect } from '@relance/db/entities/prospect.entity';
import { NewProspect, ProspectRepository } from '@relance/db/repositories/prospect.repository';
import { DomainError } from '@relance/errors';
import { ErasureService } from '@relance/privacy/erasure/erasure.service';
import { decodePosition, encodePosition } from '@relance/db/repositories/position-cursor';
import type { Page } from '@relance/db/repositories/keyset-page';
import type { ListProspectsQuery } from './dto/list-prospects.query';
import type { RowErrorDto } from './dto/create-prospects-batch.dto';
import { CreateProspectDto } from './dto/create-prospect.dto';
import { checkProspectRows } from './prospect-rows';

const DEFAULT_PAGE = 50;
const DUPLICATE = 'a prospect with this email already exists';
const ERASED = 'this address belongs to a person erased from the account at their request: it may not be added again';

/** A create, import or rectification giving the address of a person erased from the account: a 409 naming email. */
export function erasedAddress(): DomainError {
  return new DomainError('suppressed', ERASED, { field: 'email' });
}

@Injectable()
export class ProspectsService {
  constructor(
    @Inject(ProspectRepository) private readonly prospects: ProspectRepository,
    @Inject(ErasureService) private readonly erasure: ErasureService,
  ) {}

  async create(accountId: string, ownerId: string | null, input: CreateProspectDto): Promise<Prospect> {
    if ((await this.erasure.erasedAmong(accountId, [input.email])).size > 0) {
      throw erasedAddress();
    }
    const created = await this.prospects.insertOne(accountId, ownerId, toNewProspect(input));
    if (!created) throw new DomainError('conflict', DUPLICATE, { field: 'email' });
    return created;
  }

  /** Creates the valid rows in one statement; reports the others (invalid, repeated, existing) by index. */
  async createBatch(
    accountId: string,
    ownerId: string | null,
    rows: readonly unknown[],
  ): Promise<{ created: Prospect[]; errors: RowErrorDto[] }> {
    const { valid: checked, errors } = await checkProspectRows(rows);
    const erased = await this.erasure.erasedAmong(accountId, checked.map((row) => row.prospect.email));
    const valid = checked.filter(({ index, prospect }) => {
      if (!erased.has(prospect.email)) return true;
      errors.push({ index, code: 'suppressed', field: 'email', message: ERASED });
      return false;
    });
    const created = await this.prospects.insertMany(accountId, ownerId, valid.map((row) => toNewProspect(row.prospect)));
    const createdEmails = new Set(created.map((p) => p.email));
    for (const { index, prospect } of valid) {
      if (!createdEmails.has(prospect.email)) errors.push({ index, code: 'conflict', field: 'email', message: DUPLICATE });
    }
    errors.sort((a, b) => a.index - b.index);
    return { created, errors };
  }

  /** Any account's prospect (staff routes). */
  async find(id: string): Promise<Prospect> {
    const prospect = await this.prospects.findById(id);
    if (!prospect) throw DomainError.notFound('prospect', id);
    return prospect;
  }

  async get(accountId: string, id: string): Promise<Prospect> {
    const prospect = await this.prospects.findForAccount(accountId, id);
    if (!prospect) throw DomainError.notFound('prospect', id);
    return prospect;
  }

  /** A page of the account's prospects narrowed by the query's filters; a bad cursor or campaign is a 400 naming it. */
  async list(accountId: string, query: ListProspectsQuery): Promise<Page<Prospect>> {
    const after = query.after === undefined ? undefined : decodePosition(query.after);
    if (after === null) throw badFilter('after', 'after must be a nextCursor this list returned');
    const page = await this.prospects.list(accountId, {
      status: query.status,
      campaignId: query.campaign?.toLowerCase(),
      tag: query.tag,
      restricted: query.restricted,
      search: query.q,
      limit: query.limit ?? DEFAULT_PAGE,
      after,
    });
    if (!page) throw badFilter('campaign', `campaign ${query.campaign} is not a campaign of this account`);
    return { items: page.items, nextCursor: page.next && encodePosition(page.next) };
  }
}

function badFilter(field: string, message: string): DomainError {
  return DomainError.validation([{ field, message }]);
}

function toNewProspect(input: CreateProspectDto): NewProspect {
  return {
    email: input.email,
    firstName: input.firstName,
    lastName: input.lastName,
    position: input.position,
    company: input.company,
    country: input.country,
    timeZone: input.timeZone,
    customFields: input.customFields,
    tags: input.tags,
  };
}
