import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../../libs/config';
import { SmtpSender } from '../../../../libs/mail';
import { WorkflowsModule } from '../workflows/workflows.module';
import { MailboxVerifier } from './mailbox-verifier';
import { MailboxesController } from './mailboxes.controller';
import { MailboxesService } from './mailboxes.service';

@Module({
  imports: [WorkflowsModule],
  controllers: [MailboxesController],
  // verify() opens a throwaway connection: this sender never pools anything.
  providers: [
    MailboxesService,
    MailboxVerifier,
    {
      provide: SmtpSender,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new SmtpSender({ network: { allowPrivateHosts: config.mail.allowPrivateHosts } }),
    },
  ],
})
export class MailboxesModule {}
