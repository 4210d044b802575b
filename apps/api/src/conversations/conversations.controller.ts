import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ConversationsService } from './conversations.service';
import { ConversationEntryDto, ConversationPageDto } from './dto/conversation.dto';
import { ListConversationQuery } from './dto/list-conversation.query';

@ApiTags('prospects')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400, 404)
@Controller('v1')
export class ConversationsController {
  constructor(@Inject(ConversationsService) private readonly conversations: ConversationsService) {}

  @Get('prospects/:id/conversation')
  @ApiOperation({
    summary: "A prospect's conversation: emails sent and received, oldest first, a page at a time",
    description:
      'Every email Relance wrote to the prospect (whatever its status) and every reply found in the ' +
      "account's mailboxes, across campaigns: what the whole team sees.",
  })
  @ApiOkResponse({ type: ConversationPageDto })
  async forProspect(
    @AccountId() accountId: string,
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ListConversationQuery,
  ): Promise<ConversationPageDto> {
    const { items, nextCursor } = await this.conversations.forProspect(accountId, id, query);
    return { data: items.map((entry) => ConversationEntryDto.from(entry)), nextCursor };
  }
}
