import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { CreateEnrichmentJobDto } from './dto/enrichment-job-input.dto';
import { EnrichmentJobDto } from './dto/enrichment-job.dto';
import { EnrichmentJobsService } from './enrichment-jobs.service';

@ApiTags('enrichment')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400)
@Controller('v1/enrichment-jobs')
export class EnrichmentJobsController {
  constructor(@Inject(EnrichmentJobsService) private readonly jobs: EnrichmentJobsService) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Verify or enrich some prospects',
    description:
      'Runs in the background (one workflow per job): read its progress with GET. Restricted prospects are never ' +
      'sent to a provider: they are skipped and reported. Enrichment fills only empty fields (position, company, ' +
      'country), never what a rep entered. 400 when the provider cannot do the kind or has no key; 404 when a ' +
      'prospect is not in your account.',
  })
  @ApiCreatedResponse({ type: EnrichmentJobDto, description: 'Started' })
  @ApiErrors(404)
  async create(@AccountId() accountId: string, @Body() body: CreateEnrichmentJobDto): Promise<EnrichmentJobDto> {
    const { job, workflowId } = await this.jobs.start(accountId, body.prospectIds, { kind: body.kind, provider: body.provider });
    return EnrichmentJobDto.from(job, workflowId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An enrichment job: its progress and the results so far' })
  @ApiOkResponse({ type: EnrichmentJobDto })
  @ApiErrors(404)
  async get(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<EnrichmentJobDto> {
    const { job, workflowId, results } = await this.jobs.get(accountId, id);
    return EnrichmentJobDto.from(job, workflowId, results);
  }
}
