import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { FIELD_MAX_LENGTH } from '@relance/subprocessors';
import { IsInstant } from '../../common/validators/instant';
import { IsNotBlank } from '../../common/validators/not-blank';
import { IsSingleLine } from '../../common/validators/single-line';

const MAX = FIELD_MAX_LENGTH;

/**
 * The fields of a registry entry. Single lines: they go into notice subjects and mail bodies,
 * and onto the public page (escaped there).
 */
export class SubprocessorFieldsDto {
  @ApiProperty({ maxLength: MAX.name, example: 'Stripe' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(MAX.name)
  name: string;

  @ApiProperty({ maxLength: MAX.address, example: '510 Townsend Street, San Francisco, California' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(MAX.address)
  address: string;

  @ApiProperty({ maxLength: MAX.processingScope, example: 'Payment services' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(MAX.processingScope)
  processingScope: string;

  @ApiProperty({ maxLength: MAX.personalDataTypes, example: 'Name, address, email address' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(MAX.personalDataTypes)
  personalDataTypes: string;

  @ApiProperty({ maxLength: MAX.processingLocation, example: 'US' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(MAX.processingLocation)
  processingLocation: string;

  @ApiProperty({ maxLength: MAX.transferMechanism, example: 'Data Privacy Framework' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(MAX.transferMechanism)
  transferMechanism: string;
}

/** When the change applies, and why it is made (the why goes to the audit trail only). */
export class ChangeTermsDto {
  @ApiPropertyOptional({
    example: '2027-01-15T00:00:00Z',
    description: 'When the change takes effect: in the future, not before a pending change of the same entry. '
      + 'Default: now + SUBPROCESSOR_NOTICE_PERIOD (30 days)',
  })
  @IsOptional() @IsInstant()
  effectiveAt?: string;

  @ApiPropertyOptional({ example: 'The provider moves its processing to the US', maxLength: 1000, description: 'Why: kept in the audit trail (addresses are masked)' })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}

export class CreateSubprocessorDto extends SubprocessorFieldsDto {
  @ApiPropertyOptional({ example: '2027-01-15T00:00:00Z', description: 'See ChangeTerms.effectiveAt' })
  @IsOptional() @IsInstant()
  effectiveAt?: string;

  @ApiPropertyOptional({ example: 'New payment provider', maxLength: 1000, description: 'Why: kept in the audit trail' })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}

// Null is validated (and refused) rather than skipped.
export class UpdateSubprocessorDto extends PartialType(SubprocessorFieldsDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ example: '2027-01-15T00:00:00Z', description: 'See ChangeTerms.effectiveAt' })
  @IsOptional() @IsInstant()
  effectiveAt?: string;

  @ApiPropertyOptional({ example: 'The provider moves its processing to the US', maxLength: 1000, description: 'Why: kept in the audit trail' })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}
