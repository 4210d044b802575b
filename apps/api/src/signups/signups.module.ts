import { Module } from '@nestjs/common';
import { AuditModule } from '@relance/privacy/audit.module';
import { SystemMailer } from '@relance/privacy/requests/system-mailer';
import { RateLimitsModule } from '../rate-limits/rate-limits.module';
import { AccountMailer } from './account-mailer';
import { SignupsController } from './signups.controller';
import { SignupsService } from './signups.service';
import { StaffAccountsController } from './staff-accounts.controller';
import { StaffAccountsService } from './staff-accounts.service';

/** New accounts: self-service sign-ups, and accounts staff open for a customer. */
@Module({
  imports: [AuditModule, RateLimitsModule],
  controllers: [SignupsController, StaffAccountsController],
  providers: [SystemMailer, AccountMailer, SignupsService, StaffAccountsService],
  exports: [AccountMailer],
})
export class SignupsModule {}
