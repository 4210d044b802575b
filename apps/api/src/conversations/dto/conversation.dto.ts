import { ApiProperty } from '@nestjs/swagger';
import type { MessageStatus } from '@relance/db/entities/message.entity';
import type { ConversationEntry } from '@relance/db/repositories/conversation.repository';

const nullable = (description: string, extra: object = {}) =>
  ApiProperty({ type: String, nullable: true, description, ...extra });

export class ConversationEntryDto {
  @ApiProperty({ format: 'uuid', description: 'Id of the sent or received message' }) id: string;
  @ApiProperty({ enum: ['outbound', 'inbound'], description: 'outbound: sent by Relance; inbound: found in the mailbox' })
  direction: 'outbound' | 'inbound';
  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'The order key: sent (or claimed, if never sent) or received; never before the message it answers',
  })
  occurredAt: Date;
  @ApiProperty({ format: 'uuid' }) mailboxId: string;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @nullable('Outbound: the step it was sent for', { format: 'uuid' }) stepId: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['sending', 'sent', 'failed', 'unknown'], description: 'Outbound only' })
  status: MessageStatus | null;
  @nullable('Outbound only', { format: 'date-time' }) sentAt: Date | null;
  @ApiProperty({
    type: Number, nullable: true, minimum: 0,
    description: 'Outbound only: times it came back soft-bounced after the remote server gave up (each is resent, up to SOFT_BOUNCE_MAX_RESENDS)',
  })
  softBounces: number | null;
  @nullable('Outbound only: when it is sent again after a soft bounce; null when no resend is planned', { format: 'date-time' })
  resendAt: Date | null;
  @nullable('Inbound only: reply, auto_reply, bounce or complaint', { enum: ['reply', 'auto_reply', 'bounce', 'complaint'] }) kind: string | null;
  @nullable("Inbound only: its Date header", { format: 'date-time' }) receivedAt: Date | null;
  @nullable('Inbound only: the outbound message it answers', { format: 'uuid' }) inReplyToMessageId: string | null;
  @nullable('The Message-ID header', { example: '<relance.0f6e...@example.com>' }) messageIdHeader: string | null;
  @nullable('Sender address') from: string | null;
  @nullable('Outbound: recipient address; null on inbound (it arrived in the mailbox)') to: string | null;
  @ApiProperty() subject: string;
  @ApiProperty({ description: 'Plain-text body' }) bodyText: string;

  static from(entry: ConversationEntry): ConversationEntryDto {
    const { fromAddress, toAddress, ...rest } = entry;
    return { ...rest, from: fromAddress, to: toAddress };
  }
}

export class ConversationPageDto {
  @ApiProperty({ type: [ConversationEntryDto], description: 'Oldest first' }) data: ConversationEntryDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `after` to get the next page; null on the last page',
  })
  nextCursor: string | null;
}
