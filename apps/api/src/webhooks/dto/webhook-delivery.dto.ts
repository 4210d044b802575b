import { ApiProperty } from '@nestjs/swagger';
import type { WebhookDelivery, WebhookDeliveryAttempt } from '@relance/db';
import { WEBHOOK_EVENT_TYPES } from '@relance/webhooks';

const PAYLOAD_EXAMPLE = {
  type: 'prospect.replied',
  timestamp: '2026-12-07T09:31:02.000Z',
  data: { prospectId: '5e0c7b1a-0f3d-4d5e-8f0a-2b9c4d6e8f10', email: 'ada@example.com', campaignId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f' },
};

export class WebhookAttemptDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:31:02.120Z' }) attemptedAt: string;
  @ApiProperty({ type: Number, nullable: true, example: 500, description: 'Null when no answer came' }) statusCode: number | null;
  @ApiProperty({ example: 87 }) durationMs: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why no answer came (timeout, connection refused, refused address)' })
  error: string | null;
  @ApiProperty({ type: String, nullable: true, example: '{"error":"database down"}', description: 'The first 1 KiB of the answer' })
  responseSnippet: string | null;

  static from(attempt: WebhookDeliveryAttempt): WebhookAttemptDto {
    return {
      attemptedAt: attempt.attemptedAt.toISOString(), statusCode: attempt.statusCode, durationMs: attempt.durationMs,
      error: attempt.error, responseSnippet: attempt.responseSnippet,
    };
  }
}

export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', description: 'Also the webhook-id header of every attempt' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0b6f2c1e-52d4-4a0e-9d7b-3f1c2a9e8d41' }) endpointId: string;
  @ApiProperty({ enum: [...WEBHOOK_EVENT_TYPES], example: 'prospect.replied' }) eventType: string;
  @ApiProperty({ enum: ['pending', 'succeeded', 'failed', 'cancelled'], example: 'succeeded' }) status: string;
  @ApiProperty({ example: 2 }) attemptCount: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-07T09:31:07.400Z' }) lastAttemptAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-07T09:31:07.400Z' }) finishedAt: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:31:02.000Z' }) createdAt: string;
  @ApiProperty({ type: Object, example: PAYLOAD_EXAMPLE, description: 'The JSON body posted' }) payload: Record<string, unknown>;

  static from(delivery: WebhookDelivery): WebhookDeliveryDto {
    return {
      id: delivery.id, endpointId: delivery.endpointId, eventType: delivery.eventType, status: delivery.status,
      attemptCount: delivery.attemptCount, lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
      finishedAt: delivery.finishedAt?.toISOString() ?? null, createdAt: delivery.createdAt.toISOString(), payload: delivery.payload,
    };
  }
}

export class WebhookDeliveryWithAttemptsDto extends WebhookDeliveryDto {
  @ApiProperty({ type: [WebhookAttemptDto], description: 'Oldest first' }) attempts: WebhookAttemptDto[];

  static withAttempts(delivery: WebhookDelivery, attempts: WebhookDeliveryAttempt[]): WebhookDeliveryWithAttemptsDto {
    return { ...WebhookDeliveryDto.from(delivery), attempts: attempts.map((attempt) => WebhookAttemptDto.from(attempt)) };
  }
}

export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) data: WebhookDeliveryDto[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: null, description: 'Pass as `after` for the next page; null on the last' })
  nextCursor: string | null;
}
