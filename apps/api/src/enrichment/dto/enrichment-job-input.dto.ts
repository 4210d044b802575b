import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import type { EnrichmentKind, EnrichmentProvider } from '@relance/db';

export const MAX_PROSPECTS_PER_JOB = 1000;

/** What to do with prospects (a list, or an import's: POST /v1/imports/{id}/enrichment). */
export class EnrichmentChoiceDto {
  @ApiProperty({ enum: ['verify', 'enrich'], example: 'verify', description: 'verify the addresses, or fill empty fields (position, company, country)' })
  @IsIn(['verify', 'enrich'])
  kind: EnrichmentKind;

  @ApiPropertyOptional({
    enum: ['builtin', 'hunter', 'briteverify', 'zerobounce'], example: 'builtin',
    description: 'Default: builtin for verify (syntax, disposable domains, MX), hunter for enrich. Others need the account\'s key.',
  })
  @IsOptional() @IsIn(['builtin', 'hunter', 'briteverify', 'zerobounce'])
  provider?: EnrichmentProvider;
}

export class CreateEnrichmentJobDto extends EnrichmentChoiceDto {
  @ApiProperty({
    type: [String], format: 'uuid', minItems: 1, maxItems: MAX_PROSPECTS_PER_JOB,
    example: ['6f1c2b9e-3d4a-4f6b-9a51-2c7e8d9f0a1b', '0b7d3c2a-1e4f-4a5b-8c6d-7e8f9a0b1c2d'],
    description: 'Prospects of your account. Restricted ones are never sent to a provider: they are skipped and reported.',
  })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_PROSPECTS_PER_JOB) @IsUUID('all', { each: true, message: 'each of prospectIds must be a UUID' })
  prospectIds: string[];
}
