import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested,
} from 'class-validator';
import { CanonicalTimeZone } from '../../common/transforms';
import { IsInstant } from '../../common/validators/instant';
import { IsNotBlank } from '../../common/validators/not-blank';
import { IsSingleLine } from '../../common/validators/single-line';
import { IsTimeZone } from '../../common/validators/time-zone';
import { IsTag } from '../../prospects/dto/prospect-tags';

export const MAX_LAUNCH_PROSPECTS = 1_000;

const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Criteria on what prospects have today; every one given must hold. */
export class LaunchFilterDto {
  @ApiPropertyOptional({ example: 'Acme', description: 'The same company, capitals aside' })
  @IsOptional() @Trim() @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(200)
  company?: string;

  @ApiPropertyOptional({ example: 'FR', description: 'The same country, capitals aside' })
  @IsOptional() @Trim() @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(100)
  country?: string;

  @ApiPropertyOptional({ example: 'Europe/Paris', description: 'Prospects in this IANA time zone' })
  @IsOptional() @CanonicalTimeZone() @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ example: '2026-03-01T00:00:00Z', description: 'Prospects added at or after this instant (a date: its 00:00 UTC)' })
  @IsOptional() @IsInstant()
  createdAfter?: string;

  @ApiPropertyOptional({ example: '2026-04-01', description: 'Prospects added before this instant (a date: its 00:00 UTC)' })
  @IsOptional() @IsInstant()
  createdBefore?: string;

  @ApiPropertyOptional({ example: 'vip', description: 'Prospects carrying this tag (compared lower-case)' })
  @IsOptional() @IsTag()
  tag?: string;
}

/** Exactly one of the three must be given: see launchChoiceOf. */
export class LaunchCampaignDto {
  @ApiPropertyOptional({ example: ['0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f'],
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_LAUNCH_PROSPECTS,
    description: 'Enroll these prospects (those eligible among them)',
  })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_LAUNCH_PROSPECTS) @IsUUID('all', { each: true })
  prospectIds?: string[];

  @ApiPropertyOptional({ enum: [true], description: 'Enroll every eligible prospect of the account' })
  @IsOptional() @IsBoolean()
  all?: boolean;

  @ApiPropertyOptional({ type: LaunchFilterDto, description: 'Enroll the eligible prospects meeting every criterion given' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => LaunchFilterDto)
  filter?: LaunchFilterDto;
}

export class LaunchAcceptedDto {
  @ApiProperty({ example: '6c1f0a9e-2b3d-4c5e-8f7a-9b0c1d2e3f4a', format: 'uuid' }) campaignId: string;
  @ApiProperty({ example: 'campaign-launch:6c1f...' }) workflowId: string;
  @ApiProperty({ example: 120, description: 'Prospects the choice selects that are active, unrestricted and not yet in the campaign' })
  eligibleProspects: number;
}
