import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Prospect } from '@relance/db/entities/prospect.entity';
import { SuppressionService } from '@relance/privacy/suppression';
import { AccountId, CallerApiKeyId, CallerUserId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateProspectDto } from './dto/create-prospect.dto';
import { CreateProspectsBatchDto, ProspectsBatchResultDto } from './dto/create-prospects-batch.dto';
import { ForgetResultDto } from './dto/forget-result.dto';
import { ListProspectsQuery } from './dto/list-prospects.query';
import { ProspectDto, ProspectPageDto } from './dto/prospect.dto';
import { ProspectForgetService } from './prospect-forget.service';
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
    @Inject(SuppressionService) private readonly suppressions: SuppressionService,
    @Inject(ProspectForgetService) private readonly forgetting: ProspectForgetService,
  ) {}

  /** Prospects as the API shows them, each saying whether the suppression list covers it. */
  private async present(accountId: string, prospects: Prospect[]): Promise<ProspectDto[]> {
    const suppressed = await this.suppressions.suppressedAmong(accountId, prospects.map((p) => p.email));
    return prospects.map((p) => ProspectDto.from(p, suppressed.has(p.email)));
  }

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
    const [prospect] = await this.present(accountId, [await this.prospects.create(accountId, userId, body)]);
    return prospect;
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
    return { created: await this.present(accountId, created), errors };
  }

  @Get()
  @ApiOperation({ summary: 'List prospects, oldest first, a page at a time' })
  @ApiOkResponse({ type: ProspectPageDto })
  @ApiErrors(400)
  async list(@AccountId() accountId: string, @Query() query: ListProspectsQuery): Promise<ProspectPageDto> {
    const { items, nextCursor } = await this.prospects.list(accountId, query);
    return { data: await this.present(accountId, items), nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a prospect' })
  @ApiOkResponse({ type: ProspectDto })
  @ApiErrors(400, 404)
  async get(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<ProspectDto> {
    const [prospect] = await this.present(accountId, [await this.prospects.get(accountId, id)]);
    return prospect;
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
