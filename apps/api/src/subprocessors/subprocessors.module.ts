import { Module } from '@nestjs/common';
import { AuditModule } from '@relance/privacy/audit.module';
import { SubprocessorsModule as SubprocessorsLibModule } from '@relance/subprocessors';
import { WorkflowsModule } from '../workflows/workflows.module';
import { NoticeSubscriptionsController } from './notice-subscriptions.controller';
import { NoticeSubscriptionsService } from './notice-subscriptions.service';
import { PublicSubprocessorsController } from './public-subprocessors.controller';
import { SubprocessorRegistryService } from './subprocessor-registry.service';
import { SubprocessorsStaffController } from './subprocessors-staff.controller';

@Module({
  imports: [SubprocessorsLibModule, AuditModule, WorkflowsModule],
  controllers: [SubprocessorsStaffController, PublicSubprocessorsController, NoticeSubscriptionsController],
  providers: [SubprocessorRegistryService, NoticeSubscriptionsService],
})
export class SubprocessorsApiModule {}
