import { Account } from './account.entity';
import { AccountClosure } from './account-closure.entity';
import { AccountExport } from './account-export.entity';
import { AuditEvent } from './audit-event.entity';
import { ApiKey } from './api-key.entity';
import { Campaign } from './campaign.entity';
import { CampaignMailbox } from './campaign-mailbox.entity';
import { MailboxSendState } from './mailbox-send-state.entity';
import { Enrollment } from './enrollment.entity';
import { EnrichmentJob } from './enrichment-job.entity';
import { EnrichmentProviderKey } from './enrichment-provider-key.entity';
import { EnrichmentRateBucket } from './enrichment-rate-bucket.entity';
import { EnrichmentResult } from './enrichment-result.entity';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookDeliveryAttempt } from './webhook-delivery-attempt.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { ErasureLedgerEntry } from './erasure-ledger.entity';
import { ImportJob } from './import-job.entity';
import { ImportJobProspect } from './import-job-prospect.entity';
import { ImportRefusal } from './import-refusal.entity';
import { IdempotencyKey } from './idempotency-key.entity';
import { BillingMonthlyUsage } from './billing-monthly-usage.entity';
import { BillingSubscription } from './billing-subscription.entity';
import { StripeEvent } from './stripe-event.entity';
import { InboundMessage } from './inbound-message.entity';
import { LaunchFilter } from './launch-filter.entity';
import { Mailbox } from './mailbox.entity';
import { MailboxDeliverabilityEvent } from './mailbox-deliverability-event.entity';
import { MailboxSecret } from './mailbox-secret.entity';
import { Message } from './message.entity';
import { PrivacyRequest } from './privacy-request.entity';
import { PrivacyRequestEvent } from './privacy-request-event.entity';
import { Prospect } from './prospect.entity';
import { ProspectSuggestion } from './prospect-suggestion.entity';
import { RequestLog } from './request-log.entity';
import { RetentionRun } from './retention-run.entity';
import { Subprocessor } from './subprocessor.entity';
import { SubprocessorChange } from './subprocessor-change.entity';
import { SubprocessorNoticeSend, SubprocessorNoticeSubscription } from './subprocessor-notice.entity';
import { SupportConversation } from './support-conversation.entity';
import { SupportMessage } from './support-message.entity';
import { StaffToken } from './staff-token.entity';
import { ConsoleSession } from './console-session.entity';
import { StaffUser } from './staff-user.entity';
import { Step } from './step.entity';
import { Suppression } from './suppression.entity';
import { Task } from './task.entity';
import { TrackingEvent } from './tracking-event.entity';
import { User } from './user.entity';
import { SignupRequest } from './signup-request.entity';
import { Invitation } from './invitation.entity';

export * from './account.entity';
export * from './audit-event.entity';
export * from './billing-monthly-usage.entity';
export * from './billing-subscription.entity';
export * from './stripe-event.entity';
export * from './api-key.entity';
export * from './campaign.entity';
export * from './account-closure.entity';
export * from './account-export.entity';
export * from './campaign-mailbox.entity';
export * from './mailbox-send-state.entity';
export * from './enrollment.entity';
export * from './enrichment-job.entity';
export * from './enrichment-provider-key.entity';
export * from './enrichment-rate-bucket.entity';
export * from './enrichment-result.entity';
export * from './erasure-ledger.entity';
export * from './import-job.entity';
export * from './import-job-prospect.entity';
export * from './import-refusal.entity';
export * from './idempotency-key.entity';
export * from './inbound-message.entity';
export * from './launch-filter.entity';
export * from './mailbox.entity';
export * from './mailbox-deliverability-event.entity';
export * from './mailbox-secret.entity';
export * from './message.entity';
export * from './privacy-request.entity';
export * from './privacy-request-event.entity';
export * from './prospect.entity';
export * from './prospect-suggestion.entity';
export * from './request-log.entity';
export * from './retention-run.entity';
export * from './subprocessor.entity';
export * from './subprocessor-change.entity';
export * from './subprocessor-notice.entity';
export * from './support-conversation.entity';
export * from './support-message.entity';
export * from './support-message.entity';
export * from './staff-token.entity';
export * from './console-session.entity';
export * from './staff-user.entity';
export * from './step.entity';
export * from './suppression.entity';
export * from './task.entity';
export * from './tracking-event.entity';
export * from './user.entity';
export * from './signup-request.entity';
export * from './invitation.entity';
export * from './webhook-delivery.entity';
export * from './webhook-delivery-attempt.entity';
export * from './webhook-endpoint.entity';

export const ENTITIES = [
  Account, User, ApiKey, Mailbox, MailboxDeliverabilityEvent, Prospect, Campaign, Step, Enrollment, Message, InboundMessage,
  CampaignMailbox, MailboxSendState,
  Suppression, TrackingEvent, Task, LaunchFilter, AuditEvent,
  ProspectSuggestion, ErasureLedgerEntry,
  StaffUser, StaffToken, ConsoleSession,
  AccountExport, AccountClosure,
  RequestLog, RetentionRun, SupportConversation, SupportMessage,
  PrivacyRequest, PrivacyRequestEvent,
  Subprocessor, SubprocessorChange, SubprocessorNoticeSubscription, SubprocessorNoticeSend,
  EnrichmentJob, EnrichmentResult, EnrichmentRateBucket,
  ImportJob, ImportJobProspect, ImportRefusal,
  IdempotencyKey,
  BillingSubscription, StripeEvent, BillingMonthlyUsage,
  SignupRequest, Invitation,
  WebhookEndpoint, WebhookDelivery, WebhookDeliveryAttempt,
];

/** The vault database's entities (VAULT_DATABASE_URL): nothing else lives there. */
export const VAULT_ENTITIES = [MailboxSecret, EnrichmentProviderKey];
