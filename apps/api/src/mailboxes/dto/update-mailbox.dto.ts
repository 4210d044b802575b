import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsNotEditable } from '../../common/validators/not-editable';
import { CreateMailboxDto, ImapSettingsDto, SmtpSettingsDto } from './create-mailbox.dto';

// The creation rules, each field optional; null is validated (and refused) rather than skipped.
const PARTIAL = { skipNullProperties: false } as const;

export class SmtpSettingsChangeDto extends PartialType(SmtpSettingsDto, PARTIAL) {}
export class ImapSettingsChangeDto extends PartialType(ImapSettingsDto, PARTIAL) {}

/** What a mailbox update may change: any field of its creation but the address, plus `disabled`. */
export class UpdateMailboxDto extends PartialType(OmitType(CreateMailboxDto, ['email', 'smtp', 'imap'] as const), PARTIAL) {
  @ApiPropertyOptional({ example: 'rep@example.com', type: String, description: 'Not editable: a different address is a different mailbox (add one)', readOnly: true })
  @IsNotEditable('a different address is a different mailbox: add it as a new mailbox')
  email?: never;

  @ApiPropertyOptional({
    type: SmtpSettingsChangeDto,
    description: 'Only the settings sent change. A new password without an IMAP one also becomes the IMAP password when both were the same',
  })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SmtpSettingsChangeDto)
  smtp?: SmtpSettingsChangeDto;

  @ApiPropertyOptional({ type: ImapSettingsChangeDto, description: 'Only the settings sent change' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ImapSettingsChangeDto)
  imap?: ImapSettingsChangeDto;

  @ApiPropertyOptional({ example: false,
    description:
      'true: the mailbox sends nothing (its campaigns rotate to their other mailboxes, and threads on it wait); ' +
      'false: it sends again and the waiting threads carry on. Replies are read either way',
  })
  @IsOptional() @IsBoolean()
  disabled?: boolean;
}
