import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PROSPECT_STATUSES, type ProspectStatus } from '@relance/db/entities/prospect.entity';
import { IsTag } from './prospect-tags';

/** "true" and "false" become booleans; anything else stays, for IsBoolean to name. */
const QueryBoolean = () => Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));

export class ListProspectsQuery {
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, example: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: '`nextCursor` of the previous page (opaque)', example: 'cDEuMTc2NDMxNjAwMDAwMDAwMC4…' })
  @IsOptional() @IsString() @MaxLength(200)
  after?: string;

  @ApiPropertyOptional({ enum: PROSPECT_STATUSES, example: 'active' })
  @IsOptional() @IsIn(PROSPECT_STATUSES)
  status?: ProspectStatus;

  @ApiPropertyOptional({ example: '6c1f0a9e-2b3d-4c5e-8f7a-9b0c1d2e3f4a', format: 'uuid', description: 'Only prospects enrolled in this campaign of the account' })
  @IsOptional() @IsUUID()
  campaign?: string;

  @ApiPropertyOptional({ example: 'vip', description: 'Only prospects carrying this tag (compared lower-case)' })
  @IsOptional() @IsTag()
  tag?: string;

  @ApiPropertyOptional({ example: false, type: Boolean, description: 'Only restricted prospects (true), or only the others (false)' })
  @IsOptional() @QueryBoolean() @IsBoolean()
  restricted?: boolean;

  @ApiPropertyOptional({ example: 'lovelace', description: 'Found in the first or last name, company or email, capitals aside' })
  @IsOptional() @IsString() @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1) @MaxLength(200)
  q?: string;
}
