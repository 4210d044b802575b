import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId, CallerUserId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { PageQuery } from '../common/page-query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateMailboxDto } from './dto/create-mailbox.dto';
import { MailboxDto, MailboxListDto } from './dto/mailbox.dto';
import { UnmatchedReportDto, UnmatchedReportListDto } from './dto/unmatched-report.dto';
import { UpdateMailboxDto } from './dto/update-mailbox.dto';
import { MailboxEditsService } from './mailbox-edits.service';
import { MailboxReportsService } from './mailbox-reports.service';
import { MailboxesService } from './mailboxes.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('mailboxes')
@ApiBearerAuth('api-key')
@ApiErrors(401)
@Controller('v1/mailboxes')
export class MailboxesController {
  constructor(
    @Inject(MailboxesService) private readonly mailboxes: MailboxesService,
    @Inject(MailboxEditsService) private readonly edits: MailboxEditsService,
    @Inject(MailboxReportsService) private readonly reports: MailboxReportsService,
  ) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Add a sending mailbox',
    description:
      'Logs in to the SMTP and IMAP servers first; when either refuses, nothing is saved and the answer is a 422 ' +
      'naming the server (`smtp_unreachable`, `smtp_auth_failed`, `imap_unreachable`, `imap_auth_failed`...). ' +
      'Passwords are stored encrypted and never returned.',
  })
  @ApiCreatedResponse({ type: MailboxDto })
  @ApiErrors(400, 409, 422)
  async create(
    @AccountId() accountId: string,
    @CallerUserId() userId: string | null,
    @Body() body: CreateMailboxDto,
  ): Promise<MailboxDto> {
    return MailboxDto.from(await this.mailboxes.create(accountId, userId, body));
  }

  @Get()
  @ApiOperation({ summary: 'List the mailboxes, oldest first, a page at a time' })
  @ApiOkResponse({ type: MailboxListDto })
  @ApiErrors(400)
  async list(@AccountId() accountId: string, @Query() query: PageQuery): Promise<MailboxListDto> {
    const { items, nextCursor } = await this.mailboxes.list(accountId, query);
    return { data: items.map((mailbox) => MailboxDto.from(mailbox)), nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a mailbox' })
  @ApiOkResponse({ type: MailboxDto })
  @ApiErrors(400, 404)
  async get(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<MailboxDto> {
    return MailboxDto.from(await this.mailboxes.get(accountId, id));
  }

  @Get(':id/unmatched-reports')
  @ApiOperation({
    summary: 'Bounces and complaints that stopped nothing',
    description:
      'Delivery reports this mailbox received that are tied to no email Relance sent (kept without body, addresses ' +
      'masked), or whose reason could not be read: never taken for replies, they ended no sequence.',
  })
  @ApiOkResponse({ type: UnmatchedReportListDto })
  @ApiErrors(400, 404)
  async unmatchedReports(
    @AccountId() accountId: string, @Param('id', ParseIdPipe) id: string, @Query() query: PageQuery,
  ): Promise<UnmatchedReportListDto> {
    const { items, nextCursor } = await this.reports.unmatched(accountId, id, query);
    return { data: items.map((row) => UnmatchedReportDto.from(row)), nextCursor };
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a mailbox: limits, spacing, time zone, sending window, name, servers and passwords, disabled',
    description:
      'Only the fields sent change; the address cannot (add another mailbox). New SMTP or IMAP settings or passwords ' +
      'are verified by logging in first: when a server refuses, nothing changes and the answer is a 422 naming it. ' +
      'Another IMAP host or user is another mailbox: its sync starts from new mail. Limits, spacing and zone apply from ' +
      "the next send; a new zone keeps today's count (no fresh daily budget). `disabled: true` stops every send from " +
      "the mailbox (campaigns rotate to their other mailboxes; a prospect's follow-ups on it wait) while replies are " +
      'still read; `disabled: false` sends again and wakes the waiting follow-ups (a 503 then: retry the same request).',
  })
  @ApiOkResponse({ type: MailboxDto })
  @ApiErrors(400, 404, 422, 503)
  async update(
    @AccountId() accountId: string,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateMailboxDto,
  ): Promise<MailboxDto> {
    return MailboxDto.from(await this.edits.update(accountId, id, body));
  }
}
