import { Module } from '@nestjs/common';
import { ImportsModule as ImportsLibModule } from '@relance/imports/imports.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { EnrichmentApiModule } from '../enrichment/enrichment.module';
import { ImportEnrichmentController } from './import-enrichment.controller';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [ImportsLibModule, WorkflowsModule, EnrichmentApiModule],
  controllers: [ImportsController, ImportEnrichmentController],
  providers: [ImportsService],
})
export class ImportsApiModule {}
