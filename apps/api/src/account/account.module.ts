import { Module } from '@nestjs/common';
import { AuditModule } from '@relance/privacy/audit.module';
import { AccountsModule } from '@relance/privacy/accounts/accounts.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { AccountClosuresStaffController } from './account-closures-staff.controller';
import { AccountController } from './account.controller';
import { AccountLifecycleService } from './account-lifecycle.service';

@Module({
  imports: [AccountsModule, AuditModule, WorkflowsModule],
  controllers: [AccountController, AccountClosuresStaffController],
  providers: [AccountLifecycleService],
})
export class AccountModule {}
