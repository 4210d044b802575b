import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@relance/errors';
import { ImportJobRepository } from '@relance/imports/import-job.repository';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { EnrichmentChoiceDto, MAX_PROSPECTS_PER_JOB } from '../enrichment/dto/enrichment-job-input.dto';
import { EnrichmentJobsService } from '../enrichment/enrichment-jobs.service';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ImportsService } from './imports.service';

class ImportEnrichmentDto {
  @ApiProperty({ example: 2400, description: 'Prospects the import created or updated, all sent to enrichment' })
  prospects: number;

  @ApiProperty({
    type: [String], format: 'uuid', example: ['3f2b8c1d-5e6a-4b7c-9d8e-0f1a2b3c4d5e'],
    description: `The enrichment jobs started, ${MAX_PROSPECTS_PER_JOB} prospects each: follow each with GET /v1/enrichment-jobs/{id}`,
  })
  jobIds: string[];
}

/** "Verify (or enrich) what I just imported": the prospects an import created or updated, in enrichment jobs. */
@ApiTags('imports')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400)
@Controller('v1/imports')
export class ImportEnrichmentController {
  constructor(
    @Inject(ImportsService) private readonly imports: ImportsService,
    @Inject(ImportJobRepository) private readonly jobs: ImportJobRepository,
    @Inject(EnrichmentJobsService) private readonly enrichment: EnrichmentJobsService,
  ) {}

  @Post(':id/enrichment')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({
    summary: 'Verify or enrich the prospects an import created or updated',
    description: 'Once the import has completed. Restricted prospects are skipped, never sent to a provider. '
      + '409 while the import runs or when it brought in no prospect.',
  })
  @ApiAcceptedResponse({ type: ImportEnrichmentDto })
  @ApiErrors(404, 409)
  async enrich(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string, @Body() body: EnrichmentChoiceDto): Promise<ImportEnrichmentDto> {
    const job = await this.imports.get(accountId, id);
    if (job.status !== 'completed') throw new DomainError('conflict', `import ${id} is ${job.status.replace('_', ' ')}: enrich it once it has completed`);
    const prospectIds = await this.jobs.prospectIds(id);
    if (prospectIds.length === 0) throw new DomainError('conflict', `import ${id} created or updated no prospect: there is nothing to enrich`);
    const jobIds: string[] = [];
    for (let start = 0; start < prospectIds.length; start += MAX_PROSPECTS_PER_JOB) {
      const { job: started } = await this.enrichment.start(accountId, prospectIds.slice(start, start + MAX_PROSPECTS_PER_JOB), body);
      jobIds.push(started.id);
    }
    return { prospects: prospectIds.length, jobIds };
  }
}
