import type { BounceReason } from './bounce-reasons';

/**
 * What an enhanced status code (RFC 3463 and its updates: RFC 3886, 4468, 4954, 5248, 7372,
 * 7505, 8098) says by itself, keyed by "subject.detail" whatever the class. Consulted only when
 * the wording of the diagnostic names no reason: codes are reused loosely (Office 365 sends
 * 5.1.10 for an unknown recipient, which RFC 7505 assigns to a null MX), words are more precise.
 */
const BY_SUBJECT_DETAIL: Readonly<Record<string, BounceReason>> = {
  '1.1': 'user_unknown',
  '1.2': 'host_unknown',
  // A malformed recipient address: never deliverable as written, but not a person gone.
  '1.3': 'syntax_error',
  '1.6': 'address_moved',
  '1.7': 'sender_rejected',
  '1.8': 'sender_rejected',
  '1.10': 'no_mail_accepted',
  '2.1': 'mailbox_disabled',
  '2.2': 'mailbox_full',
  '2.3': 'message_too_big',
  '2.4': 'system_error',
  '3.0': 'system_error',
  '3.1': 'system_error',
  '3.2': 'system_error',
  '3.3': 'protocol_error',
  '3.4': 'message_too_big',
  '3.5': 'system_error',
  '4.0': 'network_error',
  '4.1': 'network_error',
  '4.2': 'network_error',
  '4.3': 'network_error',
  // "Unable to route": no MX and no address for the domain (Exchange: DNS.NonExistentDomain).
  '4.4': 'host_unknown',
  '4.5': 'temporary_failure',
  '4.6': 'system_error',
  '4.7': 'expired_in_queue',
  // x.5.0 left out: Outlook.com answers "5.5.0 mailbox unavailable" for unknown users and refusals alike.
  '5.1': 'protocol_error',
  '5.2': 'syntax_error',
  '5.3': 'rate_limited',
  '5.4': 'syntax_error',
  '5.5': 'protocol_error',
  '5.6': 'protocol_error',
  '6.0': 'content_rejected',
  '6.1': 'content_rejected',
  '6.2': 'content_rejected',
  '6.3': 'content_rejected',
  '6.4': 'content_rejected',
  '6.5': 'content_rejected',
  '6.6': 'content_rejected',
  '7.0': 'policy_rejected',
  '7.1': 'policy_rejected',
  '7.2': 'policy_rejected',
  '7.3': 'policy_rejected',
  '7.4': 'policy_rejected',
  '7.5': 'authentication_failed',
  '7.7': 'content_rejected',
  '7.8': 'authentication_failed',
  '7.9': 'authentication_failed',
  '7.13': 'mailbox_disabled',
  '7.14': 'policy_rejected',
  '7.15': 'policy_rejected',
  '7.16': 'message_too_big',
  '7.17': 'address_moved',
  '7.18': 'address_moved',
  '7.19': 'address_moved',
  '7.20': 'authentication_failed',
  '7.21': 'authentication_failed',
  '7.22': 'authentication_failed',
  '7.23': 'authentication_failed',
  '7.24': 'authentication_failed',
  '7.25': 'ptr_required',
  '7.26': 'authentication_failed',
  '7.27': 'sender_rejected',
  '7.28': 'blocked_reputation',
};

/** The reason a status names alone; null for a generic x.0.0 or an unassigned code. */
export function reasonForStatus(status: string | null): BounceReason | null {
  if (!status) return null;
  const [, subject, detail] = status.split('.');
  // Office 365's own 5.7.606–649: "Access denied, banned sending IP".
  if (subject === '7' && Number(detail) >= 606 && Number(detail) <= 649) return 'blocked_blacklist';
  return BY_SUBJECT_DETAIL[`${subject}.${detail}`] ?? null;
}

/** What a basic SMTP reply code says alone (RFC 5321 §4.2.3); null where it says nothing precise (550, 554). */
export function reasonForReplyCode(code: number | null): BounceReason | null {
  switch (code) {
    case null:
      return null;
    case 421:
    case 450:
    case 452:
      return 'temporary_failure';
    case 451:
      return 'system_error';
    case 551:
      return 'address_moved';
    case 552:
      return 'mailbox_full';
    case 553:
      return 'syntax_error';
    case 500:
    case 501:
    case 502:
    case 503:
    case 504:
      return 'protocol_error';
    default:
      return null;
  }
}
