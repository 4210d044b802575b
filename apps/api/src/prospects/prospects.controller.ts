import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId, CallerApiKeyId, CallerUserId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateProspectDto } from './dto/create-prospect.dto';
import { CreateProspectsBatchDto, ProspectsBatchResultDto } from './dto/create-prospects-batch.dto';
import { ForgetResultDto } from './dto/forget-result.dto';
import { ListProspectsQuery } from './dto/list-prospects.query';
import { ProspectDto, ProspectPageDto } from './dto/prospect.dto';
import { UpdateProspectDto } from './dto/update-prospect.dto';
import { ProspectEditsService } from './prospect-edits.service';
import { ProspectForgetService } from './prospect-forget.service';
import { ProspectPresenter } from './prospect-presenter';
import { ProspectsService } from './prospects.service';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ExpensiveRoute } from '../rate-limits/expensive-route.decorator';

@ApiTags('prospects')
@ApiBearerAuth('api-key')
@ApiErrors(401)
@Controller('v1/prospects')
export class ProspectsController {
  constructor(
    @Inject(ProspectsService) private readonly prospects: ProspectsService,
    @Inject(ProspectPresenter) private readonly presenter: ProspectPresenter,
    @Inject(ProspectEditsService) private readonly edits: ProspectEditsService,
    @Inject(ProspectForgetService) private readonly forgetting: ProspectForgetService,
  ) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Create a prospect',
    description: 'A second prospect with the same email is a 409 `conflict`; the address of a forgotten prospect, a 409 `suppressed`.',
  })
  @ApiCreatedResponse({ type: ProspectDto })
  @ApiErrors(400, 409)
  async create(
    @AccountId() accountId: string,
    @CallerUserId() userId: string | null,
    @Body() body: CreateProspectDto,
  ): Promise<ProspectDto> {
    return this.presenter.one(accountId, await this.prospects.create(accountId, userId, body));
  }

  @Post('batch')
  @HttpCode(200)
  @Idempotent()
  @ExpensiveRoute()
  @ApiOperation({
    summary: 'Create up to 1000 prospects',
    description:
      'Each row is checked like a single create. Valid rows are created; every other row is reported in ' +
      '`errors` with its index: `validation_failed` (naming the field) or `conflict` (email already in the ' +
      'account, or repeated in the batch). A 400 only when the body itself is not a list of 1 to 1000 rows.',
  })
  @ApiOkResponse({ type: ProspectsBatchResultDto })
  @ApiErrors(400)
  async createBatch(
    @AccountId() accountId: string,
    @CallerUserId() userId: string | null,
    @Body() body: CreateProspectsBatchDto,
  ): Promise<ProspectsBatchResultDto> {
    const { created, errors } = await this.prospects.createBatch(accountId, userId, body.prospects);
    return { created: await this.presenter.many(accountId, created), errors };
  }

  @Get()
  @ApiOperation({
    summary: 'List prospects, oldest first, a page at a time, narrowed by filters',
    description:
      'Every filter given must hold: `status`, `campaign` (enrolled in it), `tag`, `restricted`, and `q`, found ' +
      'anywhere in the first or last name, company or email, capitals aside (e.g. `?q=lovelace&tag=vip&limit=20`). ' +
      'Pages continue with `after=<nextCursor>`, keeping the same filters. A bad value is a 400 naming its parameter; ' +
      'a campaign of another account, a 400 naming `campaign`.',
  })
  @ApiOkResponse({ type: ProspectPageDto })
  @ApiErrors(400)
  async list(@AccountId() accountId: string, @Query() query: ListProspectsQuery): Promise<ProspectPageDto> {
    const { items, nextCursor } = await this.prospects.list(accountId, query);
    return { data: await this.presenter.many(accountId, items), nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a prospect' })
  @ApiOkResponse({ type: ProspectDto })
  @ApiErrors(400, 404)
  async get(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<ProspectDto> {
    return this.presenter.one(accountId, await this.prospects.get(accountId, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change (rectify) a prospect',
    description:
      'Only the fields given change; `null` clears a text field; `customFields` and `tags` replace the whole set. ' +
      'Checked as on create: the email is normalised and unique in the account (409 `conflict` naming `email`), an ' +
      'erased person\'s address is a 409 `suppressed`. `restricted: true` limits processing (GDPR art. 18): no email ' +
      'goes to the prospect (a running sequence stops at its next email) and no launch enrolls them. The audit trail ' +
      'records who (the API key and its rep), when and which fields changed, never their values.',
  })
  @ApiBody({ type: UpdateProspectDto, examples: {
    rectify: { value: { lastName: 'King', company: 'Analytical Engines Ltd', timeZone: 'Europe/London' } },
    restrict: { value: { restricted: true } },
  } })
  @ApiOkResponse({ type: ProspectDto })
  @ApiErrors(400, 404, 409)
  async update(
    @AccountId() accountId: string,
    @CallerApiKeyId() apiKeyId: string,
    @CallerUserId() userId: string | null,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateProspectDto,
  ): Promise<ProspectDto> {
    return this.presenter.one(accountId, await this.edits.update(accountId, { apiKeyId, userId }, id, body));
  }

  @Post(':id/forget')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Forget a prospect (erase and blacklist)',
    description:
      'Erases the prospect everywhere: the prospect, their enrollments (running sequences are stopped and their ' +
      'workflows deleted), every email sent to them and received from them, their opens, clicks and tasks. ' +
      'Only the keyed hash of their address stays, on the suppression list (reason `erasure`), so they are never ' +
      'mailed again and creating or importing the address again is a 409 `suppressed`. Answers with row counts ' +
      'per table, never the person\'s data. Cannot be undone.',
  })
  @ApiOkResponse({ type: ForgetResultDto })
  @ApiErrors(400, 404)
  forget(
    @AccountId() accountId: string,
    @CallerApiKeyId() apiKeyId: string,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<ForgetResultDto> {
    return this.forgetting.forget(accountId, apiKeyId, id);
  }
}
