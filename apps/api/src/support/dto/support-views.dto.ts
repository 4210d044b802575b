import { ApiProperty } from '@nestjs/swagger';

/** Documents the support routes' answers (built by libs/support/support-views.ts). */
export class MessageAuthorDto {
  @ApiProperty({ enum: ['customer', 'support', 'unknown'], example: 'customer' }) kind: string;
  @ApiProperty({ format: 'uuid', required: false, example: '7e3a9b1c-2d4f-4a6b-8c0d-9e8f7a6b5c4d', description: 'kind customer' })
  userId?: string;

  @ApiProperty({ format: 'uuid', required: false, example: '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6e', description: 'kind support, for staff readers only' })
  staffUserId?: string;
}

export class SupportMessageDto {
  @ApiProperty({ format: 'uuid', example: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' }) id: string;
  @ApiProperty({ type: MessageAuthorDto, description: 'Customers see "support", never which staff member' }) author: MessageAuthorDto;
  @ApiProperty({ example: 'Our replies stopped syncing this morning: could you have a look?' }) body: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T09:30:00.000Z' }) createdAt: Date;
}

export class ConversationSummaryDto {
  @ApiProperty({ format: 'uuid', example: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f' }) accountId: string | null;
  @ApiProperty({ example: 'Replies not syncing' }) subject: string;
  @ApiProperty({ example: 3 }) messageCount: number;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T10:02:00.000Z' }) lastMessageAt: Date;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T09:30:00.000Z' }) createdAt: Date;
}

export class ConversationSummaryPageDto {
  @ApiProperty({ type: [ConversationSummaryDto], description: 'Latest activity first' }) data: ConversationSummaryDto[];
  @ApiProperty({
    type: String, nullable: true, example: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
    description: 'Pass as `after` for the next page; null on the last page',
  })
  nextCursor: string | null;
}

export class SupportConversationDto {
  @ApiProperty({ format: 'uuid', example: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f' }) accountId: string | null;
  @ApiProperty({ example: 'Replies not syncing' }) subject: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T10:02:00.000Z' }) lastMessageAt: Date;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T09:30:00.000Z' }) createdAt: Date;
  @ApiProperty({ type: [SupportMessageDto], description: 'Oldest first' }) messages: SupportMessageDto[];
}

export class StaffReplyDto {
  @ApiProperty({ type: SupportMessageDto }) message: SupportMessageDto;
  @ApiProperty({ example: 2, description: 'Recipients the system mailer took the reply for' }) mailed: number;
  @ApiProperty({ example: 0, description: 'Recipients it refused' }) notMailed: number;
}
