import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean, IsEmail, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { CanonicalTimeZone, NormaliseEmail } from '../../common/transforms';
import { IsSingleLine } from '../../common/validators/single-line';
import { IsTimeZone } from '../../common/validators/time-zone';
import { HourRangeDto, SendingWindowDto } from '../../campaigns/dto/sending-window.dto';

class ServerSettingsDto {
  @ApiProperty({ example: 'smtp.example.com' })
  @IsString() @IsNotEmpty() @MaxLength(253)
  host: string;

  @ApiProperty({ example: 587, minimum: 1, maximum: 65535 })
  @IsInt() @Min(1) @Max(65_535)
  port: number;

  @ApiPropertyOptional({ example: false, default: false, description: 'Implicit TLS (465 / 993); otherwise STARTTLS when offered' })
  @IsOptional() @IsBoolean()
  secure?: boolean;

  @ApiProperty({ example: 'rep@example.com' })
  @IsString() @IsNotEmpty() @MaxLength(320)
  username: string;
}

export class SmtpSettingsDto extends ServerSettingsDto {
  @ApiProperty({ example: 'app-password-1234', writeOnly: true, description: 'Stored encrypted; never returned' })
  @IsString() @IsNotEmpty() @MaxLength(1_000)
  password: string;
}

export class ImapSettingsDto extends ServerSettingsDto {
  @ApiPropertyOptional({ example: 'app-password-1234', writeOnly: true, description: 'Defaults to the SMTP password; stored encrypted; never returned' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(1_000)
  password?: string;
}

/** A campaign's window shape and rules, its hours read on the mailbox's clock. */
export class MailboxSendingWindowDto extends SendingWindowDto {}
// Documented apart: the campaign's hours are on the prospect's clock, these on the mailbox's.
ApiProperty({ type: [HourRangeDto], description: "Hours on the mailbox's clock (its timeZone)" })(MailboxSendingWindowDto.prototype, 'hours');

export class CreateMailboxDto {
  @ApiProperty({ example: 'rep@example.com', description: 'Sending address (stored lower-cased)' })
  @NormaliseEmail() @IsEmail() @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ example: 'Ada from Example' })
  @IsOptional() @IsString() @MaxLength(200) @IsSingleLine()
  displayName?: string;

  @ApiProperty({ type: SmtpSettingsDto })
  @IsObject() @ValidateNested() @Type(() => SmtpSettingsDto)
  smtp: SmtpSettingsDto;

  @ApiProperty({ type: ImapSettingsDto })
  @IsObject() @ValidateNested() @Type(() => ImapSettingsDto)
  imap: ImapSettingsDto;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 10000, example: 20, description: 'Emails per day at most' })
  @IsOptional() @IsInt() @Min(1) @Max(10_000)
  dailyLimit?: number;

  @ApiPropertyOptional({ example: 90, default: 60, minimum: 0, maximum: 86400, description: 'Seconds between two sends at least' })
  @IsOptional() @IsInt() @Min(0) @Max(86_400)
  minSpacingSeconds?: number;

  @ApiPropertyOptional({ example: 30, default: 0, minimum: 0, maximum: 3600, description: 'Up to this many seconds added at random to each spacing' })
  @IsOptional() @IsInt() @Min(0) @Max(3_600)
  spacingJitterSeconds?: number;

  @ApiPropertyOptional({
    default: 'UTC',
    example: 'Europe/Paris',
    description: "IANA time zone in which the daily limit resets and the mailbox's sending window applies",
  })
  @IsOptional() @CanonicalTimeZone() @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({
    type: MailboxSendingWindowDto,
    nullable: true,
    description: "When this mailbox may send, on its own clock, on top of each campaign's window; absent or null: any time",
  })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => MailboxSendingWindowDto)
  sendingWindow?: MailboxSendingWindowDto | null;
}
