import { Controller, Delete, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId, CallerApiKeyId, CallerUserId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { NoticeSubscriptionDto } from './dto/subprocessor.dto';
import { NoticeSubscriptionsService } from './notice-subscriptions.service';

/**
 * Whether the account's owner is mailed each change of Relance's subprocessors before it takes
 * effect (GDPR Art. 28(2)), with the entry, what changes and the date. Owner's key only.
 */
@ApiTags('account')
@ApiBearerAuth('api-key')
@ApiErrors(401, 403)
@Controller('v1/account/subprocessor-notices')
export class NoticeSubscriptionsController {
  constructor(@Inject(NoticeSubscriptionsService) private readonly subscriptions: NoticeSubscriptionsService) {}

  @Get()
  @ApiOperation({ summary: 'Whether the owner is subscribed to subprocessor change notices (owner)' })
  @ApiOkResponse({ type: NoticeSubscriptionDto })
  state(@AccountId() accountId: string, @CallerApiKeyId() apiKeyId: string, @CallerUserId() userId: string | null) {
    return this.subscriptions.state({ accountId, apiKeyId, userId });
  }

  @Put()
  @ApiOperation({ summary: 'Subscribe the owner to subprocessor change notices, mailed to the owner\'s address (owner; idempotent)' })
  @ApiOkResponse({ type: NoticeSubscriptionDto })
  subscribe(@AccountId() accountId: string, @CallerApiKeyId() apiKeyId: string, @CallerUserId() userId: string | null) {
    return this.subscriptions.subscribe({ accountId, apiKeyId, userId });
  }

  @Delete()
  @ApiOperation({ summary: 'Stop subprocessor change notices (owner; idempotent)' })
  @ApiOkResponse({ type: NoticeSubscriptionDto })
  unsubscribe(@AccountId() accountId: string, @CallerApiKeyId() apiKeyId: string, @CallerUserId() userId: string | null) {
    return this.subscriptions.unsubscribe({ accountId, apiKeyId, userId });
  }
}
