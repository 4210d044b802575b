import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags,
} from '@nestjs/swagger';
import { WebhookDeliveries, WebhookEndpoints } from '@relance/webhooks';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { invalidCursor } from '../common/pagination';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { WebhookDeliveryDto, WebhookDeliveryPageDto } from './dto/webhook-delivery.dto';
import {
  CreateWebhookEndpointDto, DEFAULT_WEBHOOK_PAGE, ListWebhooksQuery, UpdateWebhookEndpointDto,
} from './dto/webhook-endpoint-input.dto';
import { WebhookEndpointDto, WebhookEndpointPageDto, WebhookEndpointWithSecretDto } from './dto/webhook-endpoint.dto';

export const ENDPOINT_ID_PARAM = { name: 'id', format: 'uuid', example: '0b6f2c1e-52d4-4a0e-9d7b-3f1c2a9e8d41', description: 'The endpoint\'s id' };

@ApiTags('webhooks')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400)
@Controller('v1/webhook-endpoints')
export class WebhookEndpointsController {
  constructor(
    @Inject(WebhookEndpoints) private readonly endpoints: WebhookEndpoints,
    @Inject(WebhookDeliveries) private readonly deliveries: WebhookDeliveries,
  ) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Add a webhook endpoint',
    description:
      'Events of the kinds listed are POSTed to the URL as JSON `{type, timestamp, data}`, signed as Standard Webhooks ' +
      'does (headers webhook-id, webhook-timestamp, webhook-signature: see the README\'s Webhooks section). The answer ' +
      'holds the signing secret, this once. 422 `webhook_url_refused` for a URL on this server or a private network ' +
      '(unless the operator allows it), or an http URL in production.',
  })
  @ApiCreatedResponse({ type: WebhookEndpointWithSecretDto, description: 'Created; `secret` is never shown again' })
  @ApiErrors(422)
  async create(@AccountId() accountId: string, @Body() body: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecretDto> {
    const { endpoint, secret } = await this.endpoints.create(accountId, body);
    return WebhookEndpointWithSecretDto.withSecret(endpoint, secret);
  }

  @Get()
  @ApiOperation({ summary: 'List webhook endpoints (REST hooks included), newest first, a page at a time' })
  @ApiOkResponse({ type: WebhookEndpointPageDto })
  async list(@AccountId() accountId: string, @Query() query: ListWebhooksQuery): Promise<WebhookEndpointPageDto> {
    const page = await this.endpoints.list(accountId, query.limit ?? DEFAULT_WEBHOOK_PAGE, query.after);
    if (!page) throw invalidCursor('one of your webhook endpoints');
    return { data: page.items.map((endpoint) => WebhookEndpointDto.from(endpoint)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a webhook endpoint (never its secret)' })
  @ApiParam(ENDPOINT_ID_PARAM)
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiErrors(404)
  async get(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<WebhookEndpointDto> {
    return WebhookEndpointDto.from(await this.endpoints.get(accountId, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a webhook endpoint',
    description: 'Only the fields sent change. `enabled: true` turns back on an endpoint Relance disabled after failed deliveries.',
  })
  @ApiParam(ENDPOINT_ID_PARAM)
  @ApiOkResponse({ type: WebhookEndpointDto })
  @ApiErrors(404, 422)
  async update(
    @AccountId() accountId: string, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointDto> {
    return WebhookEndpointDto.from(await this.endpoints.update(accountId, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook endpoint and its deliveries' })
  @ApiParam(ENDPOINT_ID_PARAM)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(404)
  async remove(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.endpoints.remove(accountId, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Replace the signing secret',
    description: 'The new secret signs every POST from now on, retries of earlier events included; it is shown this once.',
  })
  @ApiParam(ENDPOINT_ID_PARAM)
  @ApiOkResponse({ type: WebhookEndpointWithSecretDto })
  @ApiErrors(404)
  async rotate(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<WebhookEndpointWithSecretDto> {
    const { endpoint, secret } = await this.endpoints.rotate(accountId, id);
    return WebhookEndpointWithSecretDto.withSecret(endpoint, secret);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The endpoint\'s deliveries, newest first, a page at a time (GET /v1/webhook-deliveries/{id} for attempts)' })
  @ApiParam(ENDPOINT_ID_PARAM)
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiErrors(404)
  async deliveriesOf(
    @AccountId() accountId: string, @Param('id', ParseIdPipe) id: string, @Query() query: ListWebhooksQuery,
  ): Promise<WebhookDeliveryPageDto> {
    const page = await this.deliveries.listForEndpoint(accountId, id, query.limit ?? DEFAULT_WEBHOOK_PAGE, query.after);
    if (!page) throw invalidCursor('one of this endpoint\'s deliveries');
    return { data: page.items.map((delivery) => WebhookDeliveryDto.from(delivery)), nextCursor: page.nextCursor };
  }
}
