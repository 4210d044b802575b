import { Module } from '@nestjs/common';
import { EnrichmentModule } from '@relance/enrichment';
import { WorkflowsModule } from '../workflows/workflows.module';
import { EmailFinderController } from './email-finder.controller';
import { EnrichmentJobsController } from './enrichment-jobs.controller';
import { EnrichmentJobsService } from './enrichment-jobs.service';
import { EnrichmentProvidersController } from './enrichment-providers.controller';

/** Verification and enrichment over the API: provider keys, jobs, the email finder. EnrichmentJobsService.start is exported for other features. */
@Module({
  imports: [EnrichmentModule, WorkflowsModule],
  controllers: [EnrichmentJobsController, EnrichmentProvidersController, EmailFinderController],
  providers: [EnrichmentJobsService],
  exports: [EnrichmentJobsService],
})
export class EnrichmentApiModule {}
