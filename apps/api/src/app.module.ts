import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig, ConfigModule } from '@relance/config';
import { CryptoModule } from '@relance/crypto/crypto.module';
import { DbModule } from '@relance/db/db.module';
import { RequestLogModule } from '@relance/privacy/retention/request-log.module';
import { TemporalModule } from '@relance/temporal/temporal.module';
import { AccountModule } from './account/account.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditEventsModule } from './audit/audit-events.module';
import { AuthModule } from './auth/auth.module';
import { BillingModule } from './billing/billing.module';
import { CampaignsModule } from './campaigns/campaigns.module';
import { CodecModule } from './codec/codec.module';
import { SequenceControlsModule } from './controls/sequence-controls.module';
import { ConversationsModule } from './conversations/conversations.module';
import { LoggerModule } from './common/logger.module';
import { EnrichmentApiModule } from './enrichment/enrichment.module';
import { EnrollmentsModule } from './enrollments/enrollments.module';
import { HealthModule } from './health/health.module';
import { ImportsApiModule } from './imports/imports.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { MailboxesModule } from './mailboxes/mailboxes.module';
import { MetricsModule } from './metrics/metrics.module';
import { OperationsModule } from './operations/operations.module';
import { PrivacyRequestsApiModule } from './privacy-requests/privacy-requests.module';
import { ProspectsModule } from './prospects/prospects.module';
import { ProspectSuggestionsModule } from './prospect-suggestions/prospect-suggestions.module';
import { RetentionRunsModule } from './retention-runs/retention-runs.module';
import { SignupsModule } from './signups/signups.module';
import { StaffModule } from './staff/staff.module';
import { StatsModule } from './stats/stats.module';
import { SubprocessorsApiModule } from './subprocessors/subprocessors.module';
import { SuppressionsModule } from './suppressions/suppressions.module';
import { SupportApiModule } from './support/support.module';
import { TasksModule } from './tasks/tasks.module';
import { TrackingModule } from './tracking/tracking.module';
import { UnsubscribeModule } from './unsubscribe/unsubscribe.module';
import { UsersModule } from './users/users.module';
import { WebhooksApiModule } from './webhooks/webhooks-api.module';
import { WebhooksModule } from '@relance/webhooks/webhooks.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot(logger),
        DbModule,
        CryptoModule,
        TemporalModule,
        AuthModule,
        IdempotencyModule,
        HealthModule,
        BillingModule,
        MailboxesModule,
        ProspectsModule,
        ImportsApiModule,
        PrivacyRequestsApiModule,
        CampaignsModule,
        EnrollmentsModule,
        StatsModule,
        ConversationsModule,
        SuppressionsModule,
        SupportApiModule,
        UnsubscribeModule,
        TrackingModule,
        SequenceControlsModule,
        TasksModule,
        ProspectSuggestionsModule,
        StaffModule,
        AuditEventsModule,
        AccountModule,
        RequestLogModule,
        RetentionRunsModule,
        SubprocessorsApiModule,
        MetricsModule,
        CodecModule,
        OperationsModule,
        EnrichmentApiModule,
        SignupsModule,
        UsersModule,
        ApiKeysModule,
        WebhooksModule,
        WebhooksApiModule,
      ],
    };
  }
}
