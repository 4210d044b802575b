import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { Page, PageRequest } from '@relance/db/repositories/keyset-page';
import { invalidCursor } from './pagination';

/** `?limit=&after=` of a list paged by keysetPage (see pagination.ts). */
export class PageQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, example: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page', example: '3f0c2b9e-6a1d-4c55-9d0e-2f1b7c8a9e10' })
  @IsOptional() @IsUUID()
  after?: string;
}

export const DEFAULT_PAGE_SIZE = 50;

export function pageRequest(query: PageQuery): PageRequest {
  return { limit: query.limit ?? DEFAULT_PAGE_SIZE, after: query.after };
}

/** The page, or the 400 for a cursor that names nothing in the list (`what`: "a user of this account"). */
export function foundPage<T>(page: Page<T> | null, what: string): Page<T> {
  if (!page) throw invalidCursor(what);
  return page;
}
