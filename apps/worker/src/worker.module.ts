import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, APP_CONFIG, ConfigModule } from '@relance/config';
import { CryptoModule } from '@relance/crypto';
import { DbModule } from '@relance/db';
import { EnrichmentModule } from '@relance/enrichment';
import { SmtpSender } from '@relance/mail';
import { MailboxCredentials, MailboxSync } from '@relance/mailboxes';
import { ImportsModule } from '@relance/imports/imports.module';
import { AuditModule } from '@relance/privacy/audit.module';
import { AccountsModule } from '@relance/privacy/accounts/accounts.module';
import { RetentionModule } from '@relance/privacy/retention/retention.module';
import { PrivacyRequestsModule } from '@relance/privacy/requests';
import { createLogger, LoggerModule, WorkerMetrics, type Logger } from '@relance/observability';
import { BounceGuard, CampaignControl, CampaignLauncher } from '@relance/sequencing';
import { LastLookBeforeSend, SentCopyKeeper, StepSender } from '@relance/sending';
import { SubprocessorsModule } from '@relance/subprocessors';
import { TemporalModule } from '@relance/temporal';
import { WebhooksModule } from '@relance/webhooks';

/** The worker's dependency graph: the services its activities adapt. */
@Module({})
export class WorkerModule implements OnApplicationShutdown {
  constructor(@Inject(SmtpSender) private readonly smtp: SmtpSender) {}

  /**
   * `logger`: the process's (the worker passes its own); else one of the config's level.
   * `metrics`: the counters the worker serves on /metrics; without them nothing is counted.
   */
  static forRoot(
    config: AppConfig,
    logger: Logger = createLogger({ level: config.logLevel, service: 'worker' }),
    metrics?: WorkerMetrics,
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config), LoggerModule.forRoot(logger), DbModule, CryptoModule, TemporalModule, AuditModule, RetentionModule,
        PrivacyRequestsModule, AccountsModule, SubprocessorsModule, EnrichmentModule, ImportsModule, WebhooksModule,
      ],
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
        ...(metrics ? [{ provide: WorkerMetrics, useValue: metrics }] : []),
      ],
    };
  }

  async onApplicationShutdown() {
    await this.smtp.closeAll();
  }
}
