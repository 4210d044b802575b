import { defineQuery, defineSignal } from '@temporalio/workflow';

export const PRIVACY_REQUEST_WORKFLOW = 'privacyRequestWorkflow';

/** A privacy request's workflow knows its request by id; everything else it reads through activities. */
export interface PrivacyRequestInput {
  requestId: string;
}

/**
 * Signals carry nothing: the row is written first (verified, extended, fields to rectify) and the
 * workflow reads it again, so no address, name or value ever enters its history.
 */
export const privacyRequestVerifiedSignal = defineSignal('privacyRequestVerified');
export const privacyRequestExtendedSignal = defineSignal('privacyRequestExtended');
export const privacyRequestFieldsSignal = defineSignal('privacyRequestFields');
/** Staff rejected the request (the row is closed and the subject told first): the workflow ends. */
export const privacyRequestRejectedSignal = defineSignal('privacyRequestRejected');

/**
 * What the workflow is doing now, for staff screens: ids and dates only. `deadline` is the next
 * reminder or escalation it will record while it waits (null once all have fired).
 */
export type PrivacyRequestLive =
  | { phase: 'starting' }
  | { phase: 'awaiting_verification'; until: string }
  | { phase: 'awaiting_fields'; dueAt: string | null; deadline: PrivacyDeadlineEvent | null }
  | { phase: 'executing' }
  | { phase: 'finished'; outcome: PrivacyRequestResult['outcome'] };

export const privacyRequestLiveQuery = defineQuery<PrivacyRequestLive>('privacyRequestLive');

/** What the workflow needs to know of its request: state and dates (ISO), never content. */
export interface PrivacyRequestState {
  status: 'awaiting_verification' | 'verified' | 'completed' | 'expired' | 'rejected';
  type: 'access' | 'erasure' | 'rectification' | 'restriction';
  /** When an unverified request expires. */
  expiresAt: string;
  dueAt: string | null;
  /** Rectification: whether the fields to edit are known yet. */
  hasFields: boolean;
  /** How long before the due date staff are reminded, largest first. */
  reminderOffsetsMs: number[];
}

/** The failure type executePrivacyRequest ends with when staff rejected the request just before it ran. */
export const PRIVACY_REQUEST_REJECTED_FAILURE = 'PrivacyRequestRejected';

export type PrivacyDeadlineEvent =
  | { kind: 'reminder'; offsetMs: number; at: string }
  | { kind: 'escalation'; at: string };

export type PrivacyRequestResult = { outcome: 'expired' } | { outcome: 'rejected' } | { outcome: 'completed'; found: boolean };

export interface PrivacyActivities {
  readPrivacyRequest(requestId: string): Promise<PrivacyRequestState>;
  /** Mails the verification link to the contact address (the public form's requests). */
  sendPrivacyVerificationLink(requestId: string): Promise<void>;
  expirePrivacyRequest(requestId: string): Promise<void>;
  recordPrivacyDeadlineEvent(requestId: string, event: PrivacyDeadlineEvent): Promise<void>;
  /** Tells the subject the deadline moved (the one extension). */
  notifyPrivacyExtension(requestId: string): Promise<void>;
  /** Carries the request out, signs and stores its certificate, mails it, closes the request. */
  executePrivacyRequest(requestId: string): Promise<{ found: boolean }>;
}
