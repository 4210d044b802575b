import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { WEBHOOK_EVENT_TYPES } from '@relance/webhooks';

const EVENTS_DOC = {
  enum: [...WEBHOOK_EVENT_TYPES], isArray: true, example: ['prospect.replied', 'prospect.bounced'],
  description: 'The events to receive, at least one',
};
const URL_DOC = {
  example: 'https://hooks.example.com/relance', maxLength: 2000,
  description: 'Where events are POSTed. https in production; never this server or a private network unless the operator allows it (MAIL_PRIVATE_HOSTS).',
};

export class CreateWebhookEndpointDto {
  @ApiProperty(URL_DOC)
  @IsString() @MaxLength(2000)
  url: string;

  @ApiProperty(EVENTS_DOC)
  @IsString({ each: true }) @IsIn(WEBHOOK_EVENT_TYPES, { each: true }) @ArrayMinSize(1) @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length * 2)
  events: string[];

  @ApiPropertyOptional({ example: 'CRM sync', maxLength: 500, nullable: true })
  @IsOptional() @IsString() @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional() @IsBoolean()
  enabled?: boolean;
}

export class UpdateWebhookEndpointDto {
  @ApiPropertyOptional(URL_DOC)
  @IsOptional() @IsString() @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional(EVENTS_DOC)
  @IsOptional() @IsString({ each: true }) @IsIn(WEBHOOK_EVENT_TYPES, { each: true }) @ArrayMinSize(1) @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length * 2)
  events?: string[];

  @ApiPropertyOptional({ example: 'CRM sync (production)', maxLength: 500, nullable: true })
  @IsOptional() @ValidateIf((_, value) => value !== null) @IsString() @MaxLength(500)
  description?: string | null;

  @ApiPropertyOptional({ example: true, description: 'true re-enables an endpoint disabled after failures (and clears its failure count)' })
  @IsOptional() @IsBoolean()
  enabled?: boolean;
}

export class CreateRestHookDto {
  @ApiProperty({ example: 'https://hooks.zapier.com/hooks/standard/123456/abcdef/', maxLength: 2000, description: 'Where the event is POSTed (Zapier\'s subscribe URL)' })
  @IsString() @MaxLength(2000)
  target_url: string;

  @ApiProperty({ enum: [...WEBHOOK_EVENT_TYPES], example: 'prospect.replied' })
  @IsString() @IsIn(WEBHOOK_EVENT_TYPES)
  event: string;
}

export const DEFAULT_WEBHOOK_PAGE = 50;
export const MAX_WEBHOOK_PAGE = 200;

export class ListWebhooksQuery {
  @ApiPropertyOptional({ default: DEFAULT_WEBHOOK_PAGE, minimum: 1, maximum: MAX_WEBHOOK_PAGE, example: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_WEBHOOK_PAGE)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: '`nextCursor` of the previous page' })
  @IsOptional() @IsUUID()
  after?: string;
}
