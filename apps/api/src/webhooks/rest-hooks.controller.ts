import { Body, Controller, Delete, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { WebhookEndpoints } from '@relance/webhooks';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CreateRestHookDto } from './dto/webhook-endpoint-input.dto';
import { RestHookDto } from './dto/webhook-endpoint.dto';

/** Zapier's REST hooks: subscribe and unsubscribe calls its platform makes when a Zap is turned on and off. */
@ApiTags('webhooks')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400)
@Controller('v1/hooks')
export class RestHooksController {
  constructor(@Inject(WebhookEndpoints) private readonly endpoints: WebhookEndpoints) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Subscribe a REST hook (Zapier)',
    description:
      'Posts every event of one kind to `target_url`, retried and signed like any webhook endpoint (it is one, of kind ' +
      '`rest_hook`). A target answering 410 Gone is unsubscribed, as Zapier expects.',
  })
  @ApiCreatedResponse({ type: RestHookDto, description: 'Subscribed' })
  @ApiErrors(422)
  async subscribe(@AccountId() accountId: string, @Body() body: CreateRestHookDto): Promise<RestHookDto> {
    const hook = await this.endpoints.subscribe(accountId, body.target_url, body.event);
    return { id: hook.id, target_url: hook.url, event: hook.events[0] };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe a REST hook' })
  @ApiParam({ name: 'id', format: 'uuid', example: '0b6f2c1e-52d4-4a0e-9d7b-3f1c2a9e8d41', description: 'The id the subscribe call answered' })
  @ApiNoContentResponse({ description: 'Unsubscribed' })
  @ApiErrors(404)
  async unsubscribe(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.endpoints.unsubscribe(accountId, id);
  }
}
