import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { AuditModule } from '@relance/privacy/audit.module';
import { SubprocessorRegistry, SubprocessorRepository, SubprocessorsModule as SubprocessorsLibModule } from '@relance/subprocessors';
import { WorkflowStarter } from '../workflows/workflow-starter.service';
import { WorkflowsModule } from '../workflows/workflows.module';
import { NoticeSubscriptionsController } from './notice-subscriptions.controller';
import { NoticeSubscriptionsService } from './notice-subscriptions.service';
import { PublicSubprocessorsController } from './public-subprocessors.controller';
import { SubprocessorsStaffController } from './subprocessors-staff.controller';

@Module({
  imports: [SubprocessorsLibModule, AuditModule, WorkflowsModule],
  controllers: [SubprocessorsStaffController, PublicSubprocessorsController, NoticeSubscriptionsController],
  providers: [
    {
      provide: SubprocessorRegistry,
      inject: [APP_CONFIG, SubprocessorRepository, AuditTrail, WorkflowStarter],
      useFactory: (config: AppConfig, registry: SubprocessorRepository, audit: AuditTrail, workflows: WorkflowStarter) =>
        new SubprocessorRegistry(config, registry, audit, (changeId) => workflows.startSubprocessorNotice(changeId)),
    },
    NoticeSubscriptionsService,
  ],
})
export class SubprocessorsApiModule {}
