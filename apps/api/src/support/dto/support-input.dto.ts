import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/page-query';
import { IsNotBlank } from '../../common/validators/not-blank';

const ONE_LINE = /^[^\r\n]*$/;

export class ReplyDto {
  @ApiProperty({ example: 'Our replies stopped syncing this morning: could you have a look?', maxLength: 20000, description: 'The message (plain text)' })
  @IsString() @IsNotBlank() @MaxLength(20000)
  body: string;
}

export class OpenConversationDto extends ReplyDto {
  @ApiProperty({ example: 'Replies not syncing', maxLength: 200, description: 'One line: the mail subject of staff replies is "Re: " and this' })
  @IsString() @IsNotBlank() @MaxLength(200) @Matches(ONE_LINE, { message: 'subject must be one line' })
  subject: string;
}

export class StaffOpenConversationDto extends OpenConversationDto {
  @ApiPropertyOptional({ example: 'ada@example.com', description: 'Where the e-mail came from: replies go there until the conversation is attached' })
  @IsOptional() @IsEmail() @MaxLength(254)
  contactEmail?: string;

  @ApiPropertyOptional({ example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f', format: 'uuid', description: 'The account, when known already' })
  @IsOptional() @IsUUID()
  accountId?: string;
}

export class AttachConversationDto {
  @ApiProperty({ example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f', format: 'uuid', description: 'The account the conversation belongs to' })
  @IsUUID()
  accountId: string;

  @ApiPropertyOptional({ example: 'The sender is the account owner (checked by a call-back)', maxLength: 1000, description: 'Why: kept in the audit trail (addresses are masked)' })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}

/** `?limit=&after=`, newest activity first. */
export class ListConversationsQuery extends PageQuery {}

export class StaffListConversationsQuery extends ListConversationsQuery {
  @ApiPropertyOptional({ example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f', format: 'uuid' })
  @IsOptional() @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: true, description: 'true: attached to an account; false: opened from an e-mail and not attached yet' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  attached?: boolean;
}
