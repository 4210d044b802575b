import { MailError, UNREACHABLE_CODES } from './mail-error';

/** The fields of a nodemailer error this module reads; everything is optional on purpose. */
export interface SmtpFailure {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  permanent?: boolean;
  timeoutType?: string;
  message?: string;
}

/**
 * RFC 5321: 5yz replies are permanent, 4yz transient. 503 (bad sequence of commands) is about
 * the session, not the message, so nodemailer (which sets `permanent` itself) treats it as
 * transient; this fallback agrees for errors that lack the flag.
 */
export function isPermanentReply(responseCode: number): boolean {
  return responseCode >= 500 && responseCode < 600 && responseCode !== 503;
}

const CONNECT_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT']);
/** Failures raised before anything reached the server, or refused locally: nothing was sent. */
const NOTHING_SENT = new Set(['ECONFIG', 'EENVELOPE', 'EMESSAGE', 'EMAXRECIPIENTS', 'ESTREAM', 'EFILEACCESS', 'EURLACCESS']);

/**
 * Maps a nodemailer failure to a MailError. `phase` matters for what may have happened: a
 * verify never carries a message, whereas a send that lost its connection mid-way may have
 * been accepted by the server before the reply was lost.
 */
export function toSmtpError(error: unknown, server: string, phase: 'send' | 'verify', timeoutMs: number): MailError {
  if (error instanceof MailError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as SmtpFailure;
  const code = failure.code ?? '';
  const systemCode = failure.originalCode ?? code;
  const reply = failure.response ?? '';
  const sending = phase === 'send';

  if (code === 'EAUTH' || code === 'ENOAUTH') {
    return new MailError('smtp_auth_failed', `SMTP server ${server} refused the login${reply ? `: ${reply}` : ''}`, {
      responseCode: failure.responseCode,
      response: reply || undefined,
    });
  }
  if (typeof failure.responseCode === 'number' && failure.responseCode >= 400) {
    const permanent = failure.permanent ?? isPermanentReply(failure.responseCode);
    return new MailError('smtp_rejected', `SMTP server ${server} rejected the ${sending ? 'message' : 'session'}: ${reply}`, {
      permanent,
      responseCode: failure.responseCode,
      response: reply,
    });
  }
  if (code === 'EDNS' || UNREACHABLE_CODES.has(systemCode) || CONNECT_TIMEOUTS.has(failure.timeoutType ?? '')) {
    return new MailError('smtp_unreachable', `cannot connect to SMTP server ${server} (${systemCode || 'no answer'})`);
  }
  if (code === 'ETLS') {
    return new MailError('smtp_tls_failed', `TLS with SMTP server ${server} failed (${failure.originalCode ?? 'ETLS'})`);
  }
  if (code === 'EABORT') {
    return new MailError('smtp_timeout', `SMTP server ${server} did not complete the send within ${timeoutMs} ms`, {
      maybeDelivered: sending,
    });
  }
  if (!sending) {
    return new MailError('smtp_unreachable', `SMTP server ${server} dropped the session (${systemCode || 'unknown error'})`);
  }
  if (code === 'ETIMEDOUT') {
    return new MailError('smtp_timeout', `SMTP server ${server} stopped answering during the send`, { maybeDelivered: true });
  }
  if (NOTHING_SENT.has(code)) {
    return new MailError('smtp_failed', `the message was not sent through SMTP server ${server} (${code})`);
  }
  return new MailError('smtp_interrupted', `the connection to SMTP server ${server} broke during the send (${systemCode || 'unknown error'})`, {
    maybeDelivered: true,
  });
}
