/**
 * The send claim's shapes. The outbox repository reads under lock and writes; what the claim
 * answers is decided by a pure function (decideClaim, libs/sending) on the state it read.
 */

import type { MailboxPace, PaceDecision, PaceWait } from '@relance/scheduling';
import type { TemplateProspect } from '@relance/templates';
import type { CampaignStatus, StoredSendingWindow } from '../entities/campaign.entity';
import type { EnrollmentStatus, EnrollmentWaitReason } from '../entities/enrollment.entity';
import type { Message } from '../entities/message.entity';
import type { ProspectStatus } from '../entities/prospect.entity';
import type { StepVariant } from '../entities/step.entity';
import type { SuppressionKeys } from './suppression.repository';

/** Whether the sequence may still write to the prospect: read under lock, before anything else. */
export interface SequenceState {
  enrollment: { status: EnrollmentStatus; pausedUntil: Date | null };
  campaignStatus: CampaignStatus;
  /** The account asked to be closed: nothing leaves it until a reactivation (or ever, once purged). */
  accountClosing: boolean;
  /** `suppressed`: the address or its domain is on the account's suppression list. */
  prospect: { status: ProspectStatus; restricted: boolean; suppressed: boolean };
}

/** Everything the claim decides on, read in its transaction once the enrollment and prospect are locked. */
export interface ClaimState extends SequenceState {
  /** The step's outbox row, when it has one. */
  existing: Message | null;
  /** The step is still one of the campaign's: no edit replaced it. */
  stepLive: boolean;
  /** The latest time one of the sequence's sent emails goes again after a soft bounce; null: none planned. */
  pendingResendAt: Date | null;
}

/** Why a claim refuses: its sequence, campaign or prospect forbids writing (or nothing is left to resend). */
export type StopReason =
  | 'enrollment_deleted' | 'campaign_stopped' | `enrollment_${EnrollmentStatus}` | `prospect_${ProspectStatus}`
  | 'prospect_restricted' | 'prospect_suppressed' | 'nothing_to_resend';

export type DeferReason = Extract<EnrollmentWaitReason, PaceWait | 'out_of_office' | 'pending_resend' | 'monthly_email_cap'>;
export type PauseReason = Extract<EnrollmentWaitReason, 'paused_by_user' | 'campaign_paused' | 'mailbox_disabled' | 'billing_lapsed'>;

export type ClaimResult =
  | { kind: 'claimed'; message: Message }
  | { kind: 'existing'; message: Message }
  | { kind: 'stopped'; reason: StopReason }
  | { kind: 'deferred'; reason: DeferReason; until: Date; queued: boolean }
  /** The enrollment or its campaign is paused: nothing leaves until it is resumed. */
  | { kind: 'paused'; reason: PauseReason }
  /** The step was replaced by an edit of the campaign. */
  | { kind: 'replanned' };

/** What a claim answers without writing anything. */
export type ClaimAnswer = Exclude<ClaimResult, { kind: 'claimed' }>;

/**
 * What a claim of a step's email does with the state it read: answer at once, or (`send`:
 * nothing stands in the way) go on to pacing, which says when, and write its row.
 */
export type SendDecision = ClaimAnswer | { kind: 'send' };

/** The same for a resend after a soft bounce: `resend` goes on to pacing with the row that is due again. */
export type ResendDecision = ClaimAnswer | { kind: 'resend'; message: Message };

/**
 * The account's billing as a claim reads it, once nothing else stands in the way: its
 * subscription row (null: none) and the emails its claims took this month, the counter locked.
 */
export interface ClaimBilling {
  subscription: { status: string | null; planKey: string | null; lapsedSince: Date | null } | null;
  emailsThisMonth: number;
}

/** What billing holds an email back with (libs/billing's billingHold): never a failure or a drop. */
export type BillingHoldAnswer =
  | { kind: 'paused'; reason: 'billing_lapsed' }
  | { kind: 'deferred'; reason: 'monthly_email_cap'; until: Date; queued: false };

/** Everything a send needs, read under lock in the transaction that claims the row. */
export interface SendContext {
  enrollmentId: string;
  accountId: string;
  campaignId: string;
  mailbox: { id: string; email: string; displayName: string };
  prospect: TemplateProspect;
  step: {
    id: string;
    position: number;
    subject: string | null;
    body: string;
    newThread: boolean;
    variants: StepVariant[] | null;
  };
  /** The message that opened the current thread, when there is one. */
  threadRoot: { messageIdHeader: string; subject: string; references: string[] } | null;
  /** The campaign's tracking; `domain`: the campaign's tracking domain, else the account's, else null. */
  tracking: { enabled: boolean; domain: string | null };
}

export interface ComposedMessage {
  id: string;
  messageIdHeader: string;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  /** Where the email's pixel and links point; null or absent: not tracked (plain text). */
  trackingBaseUrl?: string | null;
  /** The body's links a click token may lead to. */
  trackedLinks?: string[];
  /** The A/B variant of the step it was written from. */
  variant: string;
}

/** What pacing is decided on: read, and the mailboxes' state locked, in the claim's transaction. */
export interface PaceContext {
  campaignTimeZone: string;
  sendingWindow: StoredSendingWindow | null;
  prospectTimeZone: string | null;
  assignedMailboxId: string | null;
  mailboxes: MailboxPace[];
}

/** Claiming a soft-bounced row again: which resend this is, and its Message-ID for a sender. */
export interface ResendClaim {
  attempt: number;
  messageIdFor(outboxId: string, senderAddress: string): string;
}

/**
 * The decisions a claim takes, given by the sending side (the data layer knows no rules):
 * what to answer, when and from which mailbox, what to write, how an address is looked up.
 */
export interface ClaimRules {
  /** decideClaim (libs/sending), for a step's email, or for its resend (`attempt`: which one). */
  decide(state: ClaimState, now: Date): SendDecision;
  decide(state: ClaimState, now: Date, resend: { attempt: number }): ResendDecision;
  pace(context: PaceContext): PaceDecision;
  compose(context: SendContext): ComposedMessage;
  /** How the prospect's address is looked up on the suppression list (a keyed hash: see libs/privacy). */
  suppressionKeys(email: string): SuppressionKeys;
  /** Whether the account's plan holds the email back (lapsed subscription, monthly cap); null: it may go. */
  billingHold(billing: ClaimBilling, now: Date): BillingHoldAnswer | null;
  /** The calendar month emails are counted in (`YYYY-MM`, UTC). */
  usageMonth(now: Date): string;
}
