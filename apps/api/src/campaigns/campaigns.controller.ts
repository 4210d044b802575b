import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CampaignEditsService } from './campaign-edits.service';
import { CampaignLaunchService } from './campaign-launch.service';
import { CampaignPreviewService, RenderedVariant } from './campaign-preview.service';
import { CampaignsService } from './campaigns.service';
import { CampaignDto, CampaignListDto } from './dto/campaign.dto';
import { CreateCampaignDto } from './dto/create-campaign.dto';
import { ReplaceStepsDto } from './dto/replace-steps.dto';
import { LaunchAcceptedDto, LaunchCampaignDto } from './dto/launch.dto';
import { ListCampaignsQuery } from './dto/list-campaigns.query';
import { launchChoiceOf } from './launch-choice';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ExpensiveRoute } from '../rate-limits/expensive-route.decorator';

@ApiTags('campaigns')
@ApiBearerAuth('api-key')
@ApiErrors(401)
@Controller('v1/campaigns')
export class CampaignsController {
  constructor(
    @Inject(CampaignsService) private readonly campaigns: CampaignsService,
    @Inject(CampaignLaunchService) private readonly launcher: CampaignLaunchService,
    @Inject(CampaignPreviewService) private readonly previews: CampaignPreviewService,
    @Inject(CampaignEditsService) private readonly edits: CampaignEditsService,
  ) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Create a campaign with its steps',
    description: 'Templates are checked now (syntax and variable names), so sends never fail on them later.',
  })
  @ApiCreatedResponse({ type: CampaignDto })
  @ApiErrors(400, 404)
  async create(@AccountId() accountId: string, @Body() body: CreateCampaignDto): Promise<CampaignDto> {
    const campaign = await this.campaigns.create(accountId, body);
    return CampaignDto.from(campaign, campaign.steps);
  }

  @Get()
  @ApiOperation({ summary: 'List the campaigns (without their steps), oldest first, a page at a time' })
  @ApiOkResponse({ type: CampaignListDto })
  @ApiErrors(400)
  async list(@AccountId() accountId: string, @Query() query: ListCampaignsQuery): Promise<CampaignListDto> {
    const { items, nextCursor } = await this.campaigns.list(accountId, query);
    return { data: items.map((campaign) => CampaignDto.from(campaign)), nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a campaign with its steps' })
  @ApiOkResponse({ type: CampaignDto })
  @ApiErrors(400, 404)
  async get(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<CampaignDto> {
    const campaign = await this.campaigns.get(accountId, id);
    return CampaignDto.from(campaign, campaign.steps);
  }

  @Put(':id/steps')
  @ApiOperation({
    summary: "Replace a campaign's steps: those some prospect already reached must come back unchanged (409 otherwise)",
  })
  @ApiOkResponse({ type: CampaignDto })
  async replaceSteps(
    @AccountId() accountId: string,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: ReplaceStepsDto,
  ): Promise<CampaignDto> {
    const campaign = await this.edits.replaceSteps(accountId, id, body.steps);
    return CampaignDto.from(campaign, campaign.steps);
  }

  @Get(':id/steps/:stepId/preview')
  @ApiOperation({ summary: 'Render an email step for one prospect: every variant, as it would be sent' })
  @ApiQuery({ name: 'prospectId', format: 'uuid', example: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: {
        stepId: { type: 'string', format: 'uuid' },
        prospectId: { type: 'string', format: 'uuid' },
        variants: {
          type: 'array',
          items: { type: 'object', properties: { variant: { type: 'string' }, subject: { type: 'string' }, body: { type: 'string' } } },
        },
      },
    },
    example: {
      stepId: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8', prospectId: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f',
      variants: [{ variant: 'A', subject: 'Quick question, Ada', body: 'Hi Ada, does Analytical Engines Ltd still hire sales reps?' }],
    },
  })
  async preview(
    @AccountId() accountId: string,
    @Param('id', ParseIdPipe) id: string,
    @Param('stepId', ParseIdPipe) stepId: string,
    @Query('prospectId', ParseIdPipe) prospectId: string,
  ): Promise<{ stepId: string; prospectId: string; variants: RenderedVariant[] }> {
    return { stepId, prospectId, variants: await this.previews.preview(accountId, id, stepId, prospectId) };
  }

  @Post(':id/launch')
  @HttpCode(202)
  @Idempotent()
  @ExpensiveRoute()
  @ApiOperation({
    summary: 'Launch the campaign',
    description:
      'The body says whom to enroll with exactly one of: `prospectIds` (a list), `all: true` (every prospect of ' +
      'the account) or `filter` (`company`, `country`, `timeZone`, `createdAfter`, `createdBefore`: every one given ' +
      'must hold). No body, `{}`, `all: false` or two of them at once answer 400. The launch workflow then enrolls ' +
      'the eligible prospects among those chosen (active, not restricted, not yet enrolled) in batches. ' +
      '422 `no_prospects` when there is none; 409 for a stopped or completed campaign, or while a launch runs.',
  })
  // One choice per request (they exclude each other), so an example per choice.
  @ApiBody({
    type: LaunchCampaignDto,
    examples: {
      prospects: { summary: 'These prospects', value: { prospectIds: ['0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f'] } },
      all: { summary: 'Every eligible prospect', value: { all: true } },
      filter: { summary: 'Those matching a filter', value: { filter: { company: 'Acme', country: 'FR' } } },
    },
  })
  @ApiAcceptedResponse({ type: LaunchAcceptedDto })
  @ApiErrors(400, 404, 409, 422, 503)
  launch(
    @AccountId() accountId: string,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: LaunchCampaignDto,
  ): Promise<LaunchAcceptedDto> {
    return this.launcher.launch(accountId, id, launchChoiceOf(body));
  }
}
