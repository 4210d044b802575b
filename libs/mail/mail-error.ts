export type MailErrorCode =
  | 'invalid_address'
  | 'smtp_unreachable'
  | 'smtp_tls_failed'
  | 'smtp_auth_failed'
  | 'smtp_rejected'
  | 'smtp_timeout'
  | 'smtp_interrupted'
  | 'smtp_busy'
  | 'smtp_failed'
  | 'smtp_host_private'
  | 'imap_unreachable'
  | 'imap_auth_failed'
  | 'imap_timeout'
  | 'imap_mailbox_missing'
  | 'imap_failed'
  | 'imap_host_private';

export interface MailErrorDetails {
  /** Retrying the same message would get the same answer (an SMTP 5xx reply other than 503). */
  permanent?: boolean;
  /**
   * The message may have reached the server although the send failed (the connection broke or
   * timed out after the envelope was under way). Callers must not resend blindly: at-most-once
   * delivery depends on looking for the Message-ID first.
   */
  maybeDelivered?: boolean;
  responseCode?: number;
  /** Server reply text with e-mail addresses redacted. */
  response?: string;
}

/**
 * Every failure of libs/mail. Messages name the server (host:port) and never carry a password,
 * a username or a recipient: servers quote addresses in their replies, so those are redacted.
 */
export class MailError extends Error {
  override readonly name = 'MailError';
  readonly permanent: boolean;
  readonly maybeDelivered: boolean;
  readonly responseCode: number | null;
  readonly response: string | null;

  constructor(
    readonly code: MailErrorCode,
    message: string,
    details: MailErrorDetails = {},
  ) {
    super(redactAddresses(message));
    this.permanent = details.permanent ?? false;
    this.maybeDelivered = details.maybeDelivered ?? false;
    this.responseCode = details.responseCode ?? null;
    this.response = details.response === undefined ? null : redactAddresses(details.response);
  }
}

const ADDRESS = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+/g;

/** Replaces anything shaped like an e-mail address, so server replies can go into logs. */
export function redactAddresses(text: string): string {
  return text.replace(ADDRESS, '<redacted>');
}

/** Node's network error codes that mean the server could not be reached at all. */
export const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);
