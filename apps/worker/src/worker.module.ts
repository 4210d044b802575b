import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, APP_CONFIG, ConfigModule } from '../../../libs/config';
import { CryptoModule } from '../../../libs/crypto';
import { DbModule } from '../../../libs/db';
import { SmtpSender } from '../../../libs/mail';
import { MailboxCredentials, MailboxSync } from '../../../libs/mailboxes';
import { createLogger, LoggerModule, type Logger } from '../../../libs/observability';
import { BounceGuard } from '../../../libs/sequencing/bounce-guard.service';
import { CampaignControl } from '../../../libs/sequencing/campaign-control.service';
import { CampaignLauncher } from '../../../libs/sequencing/campaign-launcher.service';
import { LastLookBeforeSend } from '../../../libs/sequencing/last-look.service';
import { SentCopyKeeper } from '../../../libs/sequencing/sent-copy.service';
import { StepSender } from '../../../libs/sequencing/step-sender.service';
import { TemporalModule } from '../../../libs/temporal';

/** The worker's dependency graph: the services its activities adapt. */
@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(SmtpSender) private readonly smtp: SmtpSender) {}

  /** `logger`: the process's (the worker passes its own); else one of the config's level. */
  static forRoot(config: AppConfig, logger: Logger = createLogger({ level: config.logLevel, service: 'worker' })): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), LoggerModule.forRoot(logger), DbModule, CryptoModule, TemporalModule],
      providers: [
        {
          provide: SmtpSender,
          inject: [APP_CONFIG],
          useFactory: (cfg: AppConfig) => new SmtpSender({
            connectTimeoutMs: cfg.mail.smtpTimeoutMs,
            network: { allowPrivateHosts: cfg.mail.allowPrivateHosts },
          }),
        },
        MailboxCredentials,
        MailboxSync,
        StepSender,
        SentCopyKeeper,
        LastLookBeforeSend,
        CampaignLauncher,
        CampaignControl,
        BounceGuard,
      ],
    };
  }

  async onApplicationShutdown() {
    await this.smtp.closeAll();
  }
}
