import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { IsInstant } from '../../common/validators/instant';
import { IsNotBlank } from '../../common/validators/not-blank';
import { IsSingleLine } from '../../common/validators/single-line';

const SHORT = 200;
const LONG = 500;

/**
 * The fields of a registry entry. Single lines: they go into notice subjects and mail bodies,
 * and onto the public page (escaped there).
 */
export class SubprocessorFieldsDto {
  @ApiProperty({ maxLength: SHORT, example: 'Stripe' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(SHORT)
  name: string;

  @ApiProperty({ maxLength: LONG, example: '510 Townsend Street, San Francisco, California' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(LONG)
  address: string;

  @ApiProperty({ maxLength: SHORT, example: 'Payment services' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(SHORT)
  processingScope: string;

  @ApiProperty({ maxLength: LONG, example: 'Name, address, email address' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(LONG)
  personalDataTypes: string;

  @ApiProperty({ maxLength: SHORT, example: 'US' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(SHORT)
  processingLocation: string;

  @ApiProperty({ maxLength: SHORT, example: 'Data Privacy Framework' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(SHORT)
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

  @ApiPropertyOptional({ maxLength: 1000, description: 'Why: kept in the audit trail (addresses are masked)' })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}

export class CreateSubprocessorDto extends SubprocessorFieldsDto {
  @ApiPropertyOptional({ description: 'See ChangeTerms.effectiveAt' })
  @IsOptional() @IsInstant()
  effectiveAt?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Why: kept in the audit trail' })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}

// Null is validated (and refused) rather than skipped.
export class UpdateSubprocessorDto extends PartialType(SubprocessorFieldsDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'See ChangeTerms.effectiveAt' })
  @IsOptional() @IsInstant()
  effectiveAt?: string;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Why: kept in the audit trail' })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}
