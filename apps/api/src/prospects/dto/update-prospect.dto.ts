import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { WITHOUT_INVISIBLE_CHARACTERS } from '@relance/mail/email-address';
import { CanonicalTimeZone, NormaliseEmail } from '../../common/transforms';
import { IsCustomFields } from '../../common/validators/custom-fields';
import { IsSingleLine } from '../../common/validators/single-line';
import { IsTimeZone } from '../../common/validators/time-zone';
import { IsTagList, MAX_TAGS, TAG_MAX_LENGTH } from './prospect-tags';

const TEXT_MAX = 200;
/** Fields that may be cleared are optional and nullable; these may be omitted but never null. */
const GIVEN = (_: object, value: unknown) => value !== undefined;

/**
 * A rectification: only the fields given change; `null` clears a text field. Checked with the
 * rules of a create. The audit trail records which fields changed, never their values.
 */
export class UpdateProspectDto {
  @ApiPropertyOptional({ example: 'ada@example.com', description: 'Normalised as on create; unique in the account (409 `conflict`)' })
  @ValidateIf(GIVEN) @NormaliseEmail() @IsEmail() @MaxLength(254)
  @Matches(WITHOUT_INVISIBLE_CHARACTERS, { message: 'email must not contain invisible characters (zero-width spaces or joiners)' })
  email?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Ada' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) @IsSingleLine()
  firstName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'King' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) @IsSingleLine()
  lastName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'CTO' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) @IsSingleLine()
  position?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Analytical Engines Ltd' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) @IsSingleLine()
  company?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'GB' })
  @IsOptional() @IsString() @MaxLength(100) @IsSingleLine()
  country?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Europe/London', description: 'IANA time zone' })
  @IsOptional() @CanonicalTimeZone() @IsTimeZone()
  timeZone?: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { industry: 'computing' },
    description: 'Replaces the whole set (send the ones to keep); rules as on create',
  })
  @ValidateIf(GIVEN) @IsCustomFields()
  customFields?: Record<string, string>;

  @ApiPropertyOptional({
    type: [String],
    example: ['vip', 'met at websummit'],
    description: `Replaces the prospect's tags: up to ${MAX_TAGS}, each 1 to ${TAG_MAX_LENGTH} characters, stored trimmed and lower-case`,
  })
  @ValidateIf(GIVEN) @IsTagList()
  tags?: string[];

  @ApiPropertyOptional({
    example: true,
    description: 'Processing restricted (GDPR art. 18): no email is sent to the prospect and no launch enrolls them; false lifts it',
  })
  @ValidateIf(GIVEN) @IsBoolean()
  restricted?: boolean;
}
