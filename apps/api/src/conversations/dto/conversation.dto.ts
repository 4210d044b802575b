import { ApiProperty } from '@nestjs/swagger';
import type { MessageStatus } from '@relance/db/entities/message.entity';
import type { ConversationEntry } from '@relance/db/repositories/conversation.repository';

const nullable = (description: string, extra: object = {}) =>
  ApiProperty({ type: String, nullable: true, description, ...extra });

export class ConversationEntryDto {
  @ApiProperty({ example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', format: 'uuid', description: 'Id of the sent or received message' }) id: string;
  @ApiProperty({ enum: ['outbound', 'inbound'], description: 'outbound: sent by Relance; inbound: found in the mailbox' })
  direction: 'outbound' | 'inbound';
  @ApiProperty({ example: '2026-12-01T09:14:07.000Z',
    type: String,
    format: 'date-time',
    description: 'The order key: sent (or claimed, if never sent) or received; never before the message it answers',
  })
  occurredAt: Date;
  @ApiProperty({ example: '8a6f4c2e-1b3d-4e5f-a7b9-c0d1e2f3a4b5', format: 'uuid' }) mailboxId: string;
  @ApiProperty({ example: '6c1f0a9e-2b3d-4c5e-8f7a-9b0c1d2e3f4a', format: 'uuid' }) campaignId: string;
  @ApiProperty({ example: '2d9e7f3a-4b5c-4d6e-8f0a-1b2c3d4e5f6a', format: 'uuid' }) enrollmentId: string;
  @nullable('Outbound: the step it was sent for', { format: 'uuid', example: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8' }) stepId: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['sending', 'sent', 'failed', 'unknown'], description: 'Outbound only' })
  status: MessageStatus | null;
  @nullable('Outbound only', { format: 'date-time', example: '2026-12-01T09:14:07.000Z' }) sentAt: Date | null;
  @ApiProperty({
    type: Number, nullable: true, minimum: 0, example: 0,
    description: 'Outbound only: times it came back soft-bounced after the remote server gave up (each is resent, up to SOFT_BOUNCE_MAX_RESENDS)',
  })
  softBounces: number | null;
  @nullable('Outbound only: when it is sent again after a soft bounce; null when no resend is planned', { format: 'date-time', example: '2026-12-02T09:14:07.000Z' })
  resendAt: Date | null;
  @nullable('Inbound only: reply, auto_reply, bounce or complaint', { enum: ['reply', 'auto_reply', 'bounce', 'complaint'] }) kind: string | null;
  @nullable("Inbound only: its Date header", { format: 'date-time', example: '2026-12-01T11:02:45.000Z' }) receivedAt: Date | null;
  @nullable('Inbound only: the outbound message it answers', { format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }) inReplyToMessageId: string | null;
  @nullable('The Message-ID header', { example: '<relance.0f6e...@example.com>' }) messageIdHeader: string | null;
  @nullable('Sender address', { example: 'rep@example.com' }) from: string | null;
  @nullable('Outbound: recipient address; null on inbound (it arrived in the mailbox)', { example: 'ada@example.com' }) to: string | null;
  @ApiProperty({ example: 'Quick question, Ada' }) subject: string;
  @ApiProperty({ example: 'Hi Ada, does Analytical Engines still hire sales reps?', description: 'Plain-text body' }) bodyText: string;

  static from(entry: ConversationEntry): ConversationEntryDto {
    const { fromAddress, toAddress, ...rest } = entry;
    return { ...rest, from: fromAddress, to: toAddress };
  }
}

export class ConversationPageDto {
  @ApiProperty({ type: [ConversationEntryDto], description: 'Oldest first' }) data: ConversationEntryDto[];

  @ApiProperty({ example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    type: String,
    nullable: true,
    description: 'Pass as `after` to get the next page; null on the last page',
  })
  nextCursor: string | null;
}
