import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConversationSummaryPageDto, SupportConversationDto, SupportMessageDto } from './dto/support-views.dto';
import { DEFAULT_PAGE_SIZE } from '../common/page-query';
import { invalidCursor } from '../common/pagination';
import { CustomerSupportService } from '@relance/support/customer-support.service';
import { AccountId, CallerUserId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ListConversationsQuery, OpenConversationDto, ReplyDto } from './dto/support-input.dto';
import { Idempotent } from '../idempotency/idempotent.decorator';

/** A customer writes to support: with an API key of a user (the author), on the account's conversations. */
@ApiTags('support')
@ApiBearerAuth('api-key')
@ApiErrors(401)
@Controller('v1/support/conversations')
export class SupportController {
  constructor(@Inject(CustomerSupportService) private readonly support: CustomerSupportService) {}

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Open a conversation with support (a user\'s API key)' })
  @ApiCreatedResponse({ type: SupportConversationDto })
  @ApiErrors(400, 403)
  open(@AccountId() accountId: string, @CallerUserId() userId: string | null, @Body() body: OpenConversationDto) {
    return this.support.open({ accountId, userId }, body.subject, body.body);
  }

  @Get()
  @ApiOperation({ summary: 'The account\'s conversations with support, latest activity first (no message bodies)' })
  @ApiOkResponse({ type: ConversationSummaryPageDto })
  @ApiErrors(400)
  async list(@AccountId() accountId: string, @CallerUserId() userId: string | null, @Query() query: ListConversationsQuery) {
    const page = await this.support.list({ accountId, userId }, { limit: query.limit ?? DEFAULT_PAGE_SIZE, after: query.after });
    if (!page) throw invalidCursor('a conversation of this account');
    return { data: page.items, nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A conversation and its messages' })
  @ApiOkResponse({ type: SupportConversationDto })
  @ApiErrors(400, 404)
  read(@AccountId() accountId: string, @CallerUserId() userId: string | null, @Param('id', ParseIdPipe) id: string) {
    return this.support.read({ accountId, userId }, id);
  }

  @Post(':id/messages')
  @Idempotent()
  @ApiOperation({ summary: 'Reply in a conversation (a user\'s API key)' })
  @ApiCreatedResponse({ type: SupportMessageDto })
  @ApiErrors(400, 403, 404)
  reply(
    @AccountId() accountId: string, @CallerUserId() userId: string | null,
    @Param('id', ParseIdPipe) id: string, @Body() body: ReplyDto,
  ) {
    return this.support.reply({ accountId, userId }, id, body.body);
  }
}
