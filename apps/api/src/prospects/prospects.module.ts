import { Module } from '@nestjs/common';
import { ProspectChangesRepository } from '@relance/db/repositories/prospect-changes.repository';
import { AuditModule } from '@relance/privacy/audit.module';
import { ErasureModule } from '@relance/privacy/erasure/erasure.module';
import { SuppressionModule } from '@relance/privacy/suppression.module';
import { ProspectBulkService } from './prospect-bulk.service';
import { ProspectEditsService } from './prospect-edits.service';
import { ProspectForgetService } from './prospect-forget.service';
import { ProspectPresenter } from './prospect-presenter';
import { ProspectTagsController } from './prospect-tags.controller';
import { StaffProspectsController } from './staff-prospects.controller';
import { ProspectsController } from './prospects.controller';
import { ProspectsService } from './prospects.service';

@Module({
  imports: [SuppressionModule, ErasureModule, AuditModule],
  controllers: [ProspectTagsController, ProspectsController, StaffProspectsController],
  providers: [ProspectsService, ProspectForgetService, ProspectEditsService, ProspectBulkService, ProspectPresenter, ProspectChangesRepository],
})
export class ProspectsModule {}
