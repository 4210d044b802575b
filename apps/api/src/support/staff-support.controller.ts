import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConversationSummaryPageDto, StaffReplyDto, SupportConversationDto } from './dto/support-views.dto';
import { DEFAULT_PAGE_SIZE } from '../common/page-query';
import { invalidCursor } from '../common/pagination';
import { SupportDeskService } from '@relance/support/support-desk.service';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffRoles } from '../auth/staff-roles.decorator';
import type { StaffContext } from '../common/api-request';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AttachConversationDto, ReplyDto, StaffListConversationsQuery, StaffOpenConversationDto } from './dto/support-input.dto';

/** Support staff's conversations: every reading, reply, opening and attachment is in the audit trail. */
@ApiTags('staff')
@ApiErrors(401, 403)
@Controller('v1/staff/support-conversations')
export class StaffSupportController {
  constructor(@Inject(SupportDeskService) private readonly desk: SupportDeskService) {}

  @Get()
  @StaffRoles('support', 'admin')
  @ApiOperation({ summary: 'Conversations, latest activity first, by account or attached or not (no message bodies)' })
  @ApiOkResponse({ type: ConversationSummaryPageDto })
  @ApiErrors(400)
  async list(@Query() query: StaffListConversationsQuery) {
    const page = await this.desk.list({
      accountId: query.accountId, attached: query.attached, limit: query.limit ?? DEFAULT_PAGE_SIZE, after: query.after,
    });
    if (!page) throw invalidCursor('a conversation of this list');
    return { data: page.items, nextCursor: page.nextCursor };
  }

  @Post()
  @StaffRoles('support', 'admin')
  @ApiOperation({ summary: 'Open a conversation from an e-mail (contactEmail), attached to an account or not yet' })
  @ApiCreatedResponse({ type: SupportConversationDto })
  @ApiErrors(400, 404)
  open(@CurrentStaff() caller: StaffContext, @Body() body: StaffOpenConversationDto) {
    return this.desk.open(caller.staffUserId, body);
  }

  @Get(':id')
  @StaffRoles('support', 'admin')
  @ApiOperation({ summary: 'A conversation and its messages (each reading is audited)' })
  @ApiOkResponse({ type: SupportConversationDto })
  @ApiErrors(400, 404)
  read(@CurrentStaff() caller: StaffContext, @Param('id', ParseIdPipe) id: string) {
    return this.desk.read(caller.staffUserId, id);
  }

  @Post(':id/messages')
  @StaffRoles('support', 'admin')
  @ApiOperation({ summary: 'Reply: saved, then mailed to the account\'s owners and the customers who wrote (or the contact address)' })
  @ApiCreatedResponse({ type: StaffReplyDto })
  @ApiErrors(400, 404)
  reply(@CurrentStaff() caller: StaffContext, @Param('id', ParseIdPipe) id: string, @Body() body: ReplyDto) {
    return this.desk.reply(caller.staffUserId, id, body.body);
  }

  @Post(':id/attach')
  @HttpCode(200)
  @StaffRoles('support', 'admin')
  @ApiOperation({ summary: 'Attach the conversation to an account (audited with the previous one)' })
  @ApiOkResponse({ type: SupportConversationDto })
  @ApiErrors(400, 404)
  attach(@CurrentStaff() caller: StaffContext, @Param('id', ParseIdPipe) id: string, @Body() body: AttachConversationDto) {
    return this.desk.attach(caller.staffUserId, id, body.accountId, body.reason ?? null);
  }
}
