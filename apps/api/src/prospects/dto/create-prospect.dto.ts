import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { WITHOUT_INVISIBLE_CHARACTERS } from '@relance/mail/email-address';
import { CanonicalTimeZone, NormaliseEmail } from '../../common/transforms';
import { IsCustomFields } from '../../common/validators/custom-fields';
import { IsSingleLine } from '../../common/validators/single-line';
import { IsTimeZone } from '../../common/validators/time-zone';
import { IsTagList, MAX_TAGS, TAG_MAX_LENGTH } from './prospect-tags';

const TEXT_MAX = 200;

export class CreateProspectDto {
  @ApiProperty({
    example: 'ada@example.com',
    description: 'Stored trimmed, NFC, lower-cased, with the domain in its ASCII (punycode) form; unique in the account',
  })
  @NormaliseEmail() @IsEmail() @MaxLength(254)
  @Matches(WITHOUT_INVISIBLE_CHARACTERS, { message: 'email must not contain invisible characters (zero-width spaces or joiners)' })
  email: string;

  @ApiPropertyOptional({ example: 'Ada' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) @IsSingleLine()
  firstName?: string;

  @ApiPropertyOptional({ example: 'Lovelace' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) @IsSingleLine()
  lastName?: string;

  @ApiPropertyOptional({ example: 'Head of Engineering' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) @IsSingleLine()
  position?: string;

  @ApiPropertyOptional({ example: 'Analytical Engines Ltd' })
  @IsOptional() @IsString() @MaxLength(TEXT_MAX) @IsSingleLine()
  company?: string;

  @ApiPropertyOptional({ example: 'GB' })
  @IsOptional() @IsString() @MaxLength(100) @IsSingleLine()
  country?: string;

  @ApiPropertyOptional({ example: 'Europe/London', description: 'IANA time zone' })
  @IsOptional() @CanonicalTimeZone() @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { industry: 'computing' },
    description: 'Up to 50 string values; keys match ^[a-zA-Z_][a-zA-Z0-9_]{0,63}$ (usable as {{ custom.key }})',
  })
  @IsOptional() @IsCustomFields()
  customFields?: Record<string, string>;

  @ApiPropertyOptional({ type: [String], example: ['vip'], description: `Up to ${MAX_TAGS} labels, each 1 to ${TAG_MAX_LENGTH} characters, stored trimmed and lower-case` })
  @IsOptional() @IsTagList()
  tags?: string[];
}
