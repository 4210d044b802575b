import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { SmtpSender } from '@relance/mail';
import { MailboxCredentials } from '@relance/mailboxes/mailbox-credentials.service';
import { BillingModule } from '../billing/billing.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { MailboxEditsService } from './mailbox-edits.service';
import { MailboxReportsService } from './mailbox-reports.service';
import { MailboxVerifier } from './mailbox-verifier';
import { MailboxesController } from './mailboxes.controller';
import { MailboxesService } from './mailboxes.service';

@Module({
  imports: [WorkflowsModule, BillingModule],
  controllers: [MailboxesController],
  // verify() opens a throwaway connection: this sender never pools anything.
  providers: [
    MailboxesService, MailboxEditsService, MailboxReportsService, MailboxVerifier, MailboxCredentials,
    {
      provide: SmtpSender,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SmtpSender({ network: { allowPrivateHosts: config.mail.allowPrivateHosts } }),
    },
  ],
})
export class MailboxesModule {}
