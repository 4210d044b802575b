import { Foundation1764262800000 } from './1764262800000-foundation';
import { MailboxSentCopy1764266400000 } from './1764266400000-mailbox-sent-copy';
import { Suppressions1764271800000 } from './1764271800000-suppressions';
import { SendPacing1764275000000 } from './1764275000000-send-pacing';
import { TrackingEvents1764282600000 } from './1764282600000-tracking-events';
import { CampaignStats1764282660000 } from './1764282660000-campaign-stats';
import { InboundClassification1764290000000 } from './1764290000000-inbound-classification';
import { TrackingSettings1764291600000 } from './1764291600000-tracking-settings';
import { StepVariants1764292000000 } from './1764292000000-step-variants';
import { BounceGuard1764293000000 } from './1764293000000-bounce-guard';
import { CompanyReplyStop1764294600000 } from './1764294600000-company-reply-stop';
import { ConditionAndTaskSteps1764295200000 } from './1764295200000-condition-and-task-steps';
import { StepRevisions1764296400000 } from './1764296400000-step-revisions';
import { SoftBounceResends1764298000000 } from './1764298000000-soft-bounce-resends';
import { CancelledTasks1764299000000 } from './1764299000000-cancelled-tasks';
import { ProspectEmailSpelling1764300000000 } from './1764300000000-prospect-email-spelling';
import { EnrollmentWaits1764300500000 } from './1764300500000-enrollment-waits';
import { AuditEvents1764300600000 } from './1764300600000-audit-events';
import { LaunchFilters1764301000000 } from './1764301000000-launch-filters';
import { MailboxEdits1764301100000 } from './1764301100000-mailbox-edits';
import { ProspectSuggestions1764305000000 } from './1764305000000-prospect-suggestions';
import { BounceReasons1764305500000 } from './1764305500000-bounce-reasons';
import { ReclassifyBounces1764305600000 } from './1764305600000-reclassify-bounces';
import { ErasureLedger1764306000000 } from './1764306000000-erasure-ledger';
import { StaffIdentities1764307100000 } from './1764307100000-staff-identities';
import { MailboxSecretsToVault1764307300000 } from './1764307300000-mailbox-secrets-to-vault';
import { PrivacyRequests1764308000000 } from './1764308000000-privacy-requests';
import { AccountLifecycle1764308500000 } from './1764308500000-account-lifecycle';
import { RequestLogs1764309000000 } from './1764309000000-request-logs';
import { Retention1764309100000 } from './1764309100000-retention';
import { ForeignKeyIndexes1764309200000 } from './1764309200000-foreign-key-indexes';
import { StaffPasswords1764312000000 } from './1764312000000-staff-passwords';
import { ConsoleSessions1764312100000 } from './1764312100000-console-sessions';
import { Subprocessors1764314000000 } from './1764314000000-subprocessors';
import { SupportMessages1764315500000 } from './1764315500000-support-messages';
import { ProspectTagsAndSearch1764316000000 } from './1764316000000-prospect-tags-and-search';
import { Enrichment1764317000000 } from './1764317000000-enrichment';
import { CsvImports1764316500000 } from './1764316500000-csv-imports';
import { ApiLimits1764317500000 } from './1764317500000-api-limits';
import { Billing1764318000000 } from './1764318000000-billing';
import { AccountsAndInvitations1764318500000 } from './1764318500000-accounts-and-invitations';
import { Webhooks1764319000000 } from './1764319000000-webhooks';

/** Every migration, oldest first; the CLI and the tests apply exactly this list. */
export const MIGRATIONS = [
  Foundation1764262800000, MailboxSentCopy1764266400000, Suppressions1764271800000, SendPacing1764275000000,
  TrackingEvents1764282600000, CampaignStats1764282660000, InboundClassification1764290000000,
  TrackingSettings1764291600000, StepVariants1764292000000, BounceGuard1764293000000, CompanyReplyStop1764294600000,
  ConditionAndTaskSteps1764295200000, StepRevisions1764296400000, SoftBounceResends1764298000000,
  CancelledTasks1764299000000, ProspectEmailSpelling1764300000000, EnrollmentWaits1764300500000, AuditEvents1764300600000,
  LaunchFilters1764301000000, MailboxEdits1764301100000,
  ProspectSuggestions1764305000000, BounceReasons1764305500000, ReclassifyBounces1764305600000, ErasureLedger1764306000000,
  StaffIdentities1764307100000, MailboxSecretsToVault1764307300000, PrivacyRequests1764308000000, AccountLifecycle1764308500000,
  RequestLogs1764309000000, Retention1764309100000, ForeignKeyIndexes1764309200000, StaffPasswords1764312000000, ConsoleSessions1764312100000,
  Subprocessors1764314000000, SupportMessages1764315500000, ProspectTagsAndSearch1764316000000, CsvImports1764316500000,
  Enrichment1764317000000, ApiLimits1764317500000,
  Billing1764318000000, AccountsAndInvitations1764318500000, Webhooks1764319000000,
];
