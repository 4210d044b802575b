import { ApiProperty } from '@nestjs/swagger';
import type { WebhookEndpoint } from '@relance/db';
import { WEBHOOK_EVENT_TYPES } from '@relance/webhooks';

const ID_EXAMPLE = '0b6f2c1e-52d4-4a0e-9d7b-3f1c2a9e8d41';

export class WebhookEndpointDto {
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE }) id: string;
  @ApiProperty({ enum: ['endpoint', 'rest_hook'], example: 'endpoint', description: 'rest_hook: made through POST /v1/hooks' }) kind: string;
  @ApiProperty({ example: 'https://hooks.example.com/relance' }) url: string;
  @ApiProperty({ enum: [...WEBHOOK_EVENT_TYPES], isArray: true, example: ['prospect.replied', 'prospect.bounced'] }) events: string[];
  @ApiProperty({ type: String, nullable: true, example: 'CRM sync' }) description: string | null;
  @ApiProperty({ example: true }) enabled: boolean;
  @ApiProperty({ example: 0, description: 'Failed deliveries in a row (each after all its retries); at WEBHOOK_DISABLE_AFTER the endpoint is disabled' })
  consecutiveFailures: number;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Why Relance disabled it, e.g. "10 deliveries in a row failed"' })
  disabledReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) disabledAt: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:30:00.000Z' }) createdAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-12-07T09:30:00.000Z' }) updatedAt: string;

  static from(endpoint: WebhookEndpoint): WebhookEndpointDto {
    return {
      id: endpoint.id, kind: endpoint.kind, url: endpoint.url, events: endpoint.events, description: endpoint.description,
      enabled: endpoint.enabled, consecutiveFailures: endpoint.consecutiveFailures, disabledReason: endpoint.disabledReason,
      disabledAt: endpoint.disabledAt?.toISOString() ?? null, createdAt: endpoint.createdAt.toISOString(), updatedAt: endpoint.updatedAt.toISOString(),
    };
  }
}

export class WebhookEndpointWithSecretDto extends WebhookEndpointDto {
  @ApiProperty({
    example: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
    description: 'The signing secret, shown this once (kept sealed; a rotation makes a new one). Verify webhook-signature with it.',
  })
  secret: string;

  static withSecret(endpoint: WebhookEndpoint, secret: string): WebhookEndpointWithSecretDto {
    return { ...WebhookEndpointDto.from(endpoint), secret };
  }
}

export class WebhookEndpointPageDto {
  @ApiProperty({ type: [WebhookEndpointDto] }) data: WebhookEndpointDto[];
  @ApiProperty({ type: String, nullable: true, format: 'uuid', example: ID_EXAMPLE, description: 'Pass as `after` for the next page; null on the last' })
  nextCursor: string | null;
}

export class RestHookDto {
  @ApiProperty({ format: 'uuid', example: ID_EXAMPLE, description: 'Keep it to unsubscribe (DELETE /v1/hooks/{id})' }) id: string;
  @ApiProperty({ example: 'https://hooks.zapier.com/hooks/standard/123456/abcdef/' }) target_url: string;
  @ApiProperty({ enum: [...WEBHOOK_EVENT_TYPES], example: 'prospect.replied' }) event: string;
}
