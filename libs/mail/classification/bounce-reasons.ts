/**
 * Why a message bounced, in one documented taxonomy, and what each reason means for the
 * prospect: only a recipient who is gone is suppressed. Reasons about the sender (reputation,
 * authentication, content) never suppress the prospect: they are the mailbox's problem.
 */
export type BounceReason =
  // The recipient is gone: suppress the address.
  | 'user_unknown'
  | 'host_unknown'
  | 'mailbox_disabled'
  | 'address_moved'
  /** A null MX or a domain that says it accepts no mail. */
  | 'no_mail_accepted'
  // The recipient's side, temporary: retry later on the soft-bounce path, never suppress.
  | 'mailbox_full'
  | 'message_too_big'
  | 'expired_in_queue'
  | 'rate_limited'
  | 'greylisted'
  | 'temporary_failure'
  | 'network_error'
  | 'system_error'
  // About the sender: the prospect is not at fault; the mailbox's deliverability suffers.
  | 'blocked_reputation'
  | 'blocked_blacklist'
  | 'authentication_failed'
  | 'ptr_required'
  | 'spam_detected'
  | 'content_rejected'
  | 'virus_detected'
  | 'policy_rejected'
  | 'relaying_denied'
  | 'sender_rejected'
  // Something else: recorded, nothing more.
  | 'syntax_error'
  | 'protocol_error'
  | 'unknown';

/** What a reason does: suppress the address, retry later, count against the sending mailbox, or nothing. */
export type BounceEffect = 'suppress' | 'retry' | 'sender_problem' | 'none';

/** The one place that decides what each reason means. */
export const BOUNCE_EFFECT: Readonly<Record<BounceReason, BounceEffect>> = {
  user_unknown: 'suppress',
  host_unknown: 'suppress',
  mailbox_disabled: 'suppress',
  address_moved: 'suppress',
  no_mail_accepted: 'suppress',
  mailbox_full: 'retry',
  message_too_big: 'retry',
  expired_in_queue: 'retry',
  rate_limited: 'retry',
  greylisted: 'retry',
  temporary_failure: 'retry',
  network_error: 'retry',
  system_error: 'retry',
  blocked_reputation: 'sender_problem',
  blocked_blacklist: 'sender_problem',
  authentication_failed: 'sender_problem',
  ptr_required: 'sender_problem',
  spam_detected: 'sender_problem',
  content_rejected: 'sender_problem',
  virus_detected: 'sender_problem',
  policy_rejected: 'sender_problem',
  relaying_denied: 'sender_problem',
  sender_rejected: 'sender_problem',
  syntax_error: 'none',
  protocol_error: 'none',
  unknown: 'none',
};

/** What a bounce says, read from its DSN fields, its diagnostic and its wording. */
export interface BounceVerdict {
  reason: BounceReason;
  effect: BounceEffect;
  /** The status as the DSN or the text gave it (e.g. "5.0.0"); null when none was given. */
  rawStatus: string | null;
  /** The status refined from the diagnostic when the given one was generic (e.g. "5.1.1"); null when none. */
  status: string | null;
  /** The SMTP reply code when one was found (e.g. 550). */
  smtpCode: number | null;
  diagnostic: string | null;
  /** Whether the remote server gave up (failed) or only reports a delay (delayed); null when it did not say. */
  action: 'failed' | 'delayed' | null;
}

export function bounceVerdict(reason: BounceReason, fields: Omit<BounceVerdict, 'reason' | 'effect'>): BounceVerdict {
  return { reason, effect: BOUNCE_EFFECT[reason], ...fields };
}
