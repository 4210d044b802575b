import { Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { WebhookDeliveries } from '@relance/webhooks';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { WebhookDeliveryWithAttemptsDto } from './dto/webhook-delivery.dto';

const DELIVERY_ID_PARAM = { name: 'id', format: 'uuid', example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', description: 'The delivery\'s id (its webhook-id header)' };

@ApiTags('webhooks')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400)
@Controller('v1/webhook-deliveries')
export class WebhookDeliveriesController {
  constructor(@Inject(WebhookDeliveries) private readonly deliveries: WebhookDeliveries) {}

  @Get(':id')
  @ApiOperation({ summary: 'A delivery: its payload, status and every attempt (time, status code, duration, error, start of the answer)' })
  @ApiParam(DELIVERY_ID_PARAM)
  @ApiOkResponse({ type: WebhookDeliveryWithAttemptsDto })
  @ApiErrors(404)
  async get(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<WebhookDeliveryWithAttemptsDto> {
    const { delivery, attempts } = await this.deliveries.get(accountId, id);
    return WebhookDeliveryWithAttemptsDto.withAttempts(delivery, attempts);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Deliver again',
    description: 'Posts a settled delivery (succeeded, failed or cancelled) again, with a fresh run of retries. 409 while it is still being attempted or its endpoint is disabled.',
  })
  @ApiParam(DELIVERY_ID_PARAM)
  @ApiAcceptedResponse({ type: WebhookDeliveryWithAttemptsDto, description: 'Started again' })
  @ApiErrors(404, 409)
  async retry(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<WebhookDeliveryWithAttemptsDto> {
    const { delivery, attempts } = await this.deliveries.retry(accountId, id);
    return WebhookDeliveryWithAttemptsDto.withAttempts(delivery, attempts);
  }
}
