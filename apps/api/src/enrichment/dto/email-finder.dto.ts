import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsFQDN, IsString, MaxLength, MinLength } from 'class-validator';

const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

export class EmailFinderDto {
  @ApiProperty({ example: 'Ada', maxLength: 100 })
  @trimmed() @IsString() @MinLength(1, { message: 'firstName must not be empty' }) @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Lovelace', maxLength: 100 })
  @trimmed() @IsString() @MinLength(1, { message: 'lastName must not be empty' }) @MaxLength(100)
  lastName: string;

  @ApiProperty({ example: 'analytical-engines.example', description: 'The company\'s email domain' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase().replace(/\.$/, '') : value))
  @IsString() @IsFQDN({ require_tld: true }, { message: 'domain must be a domain name such as example.com' }) @MaxLength(253)
  domain: string;
}

export class FinderCandidateDto {
  @ApiProperty({ example: 'ada.lovelace@analytical-engines.example' }) email: string;
  @ApiProperty({ example: 45, description: '0–100' }) confidence: number;
  @ApiProperty({ enum: ['hunter', 'pattern'], example: 'pattern' }) source: string;
  @ApiPropertyOptional({ example: '{first}.{last}' }) pattern?: string;
}

export class EmailFinderAnswerDto {
  @ApiProperty({ enum: ['hunter', 'patterns'], example: 'patterns', description: 'Hunter when the account has a Hunter key and it found the address' })
  source: string;
  @ApiPropertyOptional({ type: Boolean, nullable: true, example: true, description: 'Whether the domain receives mail (MX), null when not asked or DNS failed' })
  domainAcceptsMail: boolean | null;
  @ApiProperty({ type: [FinderCandidateDto] }) candidates: FinderCandidateDto[];
  @ApiPropertyOptional({ example: 'hunter_rate_limited', description: 'Why Hunter\'s answer is missing though a key is set' })
  hunterError?: string;
}
