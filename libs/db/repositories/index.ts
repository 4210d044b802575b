import { AccountRepository } from './account.repository';
import { AuditRepository } from './audit.repository';
import { BillingRepository } from './billing.repository';
import { CampaignRepository } from './campaign.repository';
import { ConditionRepository } from './condition.repository';
import { ConversationRepository } from './conversation.repository';
import { EnrollmentRepository } from './enrollment.repository';
import { EnrichmentProviderKeyRepository } from './enrichment-provider-key.repository';
import { InboundRepository } from './inbound.repository';
import { InvitationRepository } from './invitation.repository';
import { LaunchFilterRepository } from './launch-filter.repository';
import { MailboxRepository } from './mailbox.repository';
import { MailboxSecretRepository, VAULT_DATA_SOURCE } from './mailbox-secret.repository';
import { OperationsRepository } from './operations.repository';
import { OutboxRepository } from './outbox.repository';
import { ProspectRepository } from './prospect.repository';
import { ProspectSuggestionRepository } from './prospect-suggestion.repository';
import { SequenceControlRepository } from './sequence-control.repository';
import { SignupRepository } from './signup.repository';
import { StaffRepository } from './staff.repository';
import { StatsRepository } from './stats.repository';
import { SuppressionRepository } from './suppression.repository';
import { TaskRepository } from './task.repository';
import { TrackingRepository } from './tracking.repository';
import { UserRepository } from './user.repository';

export {
  AccountRepository, AuditRepository, CampaignRepository, EnrollmentRepository, InboundRepository, MailboxRepository,
  OutboxRepository, ProspectRepository, SuppressionRepository,
  ConversationRepository, StatsRepository, SequenceControlRepository, TrackingRepository, ConditionRepository,
  TaskRepository, LaunchFilterRepository, ProspectSuggestionRepository, StaffRepository, MailboxSecretRepository, VAULT_DATA_SOURCE,
  OperationsRepository, EnrichmentProviderKeyRepository, BillingRepository,
  UserRepository, InvitationRepository, SignupRepository,
};

/** The main database's repositories (MailboxSecretRepository, on the vault's, is provided apart). */
export const REPOSITORIES = [
  AccountRepository, AuditRepository, CampaignRepository, EnrollmentRepository, InboundRepository, MailboxRepository,
  OutboxRepository, ProspectRepository, SuppressionRepository,
  ConversationRepository, StatsRepository, SequenceControlRepository, TrackingRepository, ConditionRepository,
  TaskRepository, LaunchFilterRepository, ProspectSuggestionRepository, StaffRepository, OperationsRepository,
  BillingRepository,
  UserRepository, InvitationRepository, SignupRepository,
];
