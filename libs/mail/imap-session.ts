import { ImapFlow } from 'imapflow';
import { connectionTarget, type ConnectionTarget, type MailNetworkPolicy } from './connection-target';
import type { ImapSettings } from './mail-settings';
import { MailError, UNREACHABLE_CODES } from './mail-error';

/** Longest wait for a polite LOGOUT before the socket is simply closed. */
const LOGOUT_GRACE_MS = 2_000;
const CONNECT_FAILURES = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT', 'NoConnection']);

/** Response codes of a command on a folder that does not exist (RFC 3501 TRYCREATE, RFC 5530). */
const MISSING_MAILBOX_CODES = new Set(['TRYCREATE', 'NONEXISTENT']);

interface ImapFailure {
  code?: string;
  authenticationFailed?: boolean;
  mailboxMissing?: boolean;
  serverResponseCode?: string;
  tlsFailed?: boolean;
  responseText?: string;
  message?: string;
}

export interface ImapSessionOptions {
  timeoutMs: number;
  /** Where connections may go: the host is resolved and judged, then its vetted address connected to. */
  network: MailNetworkPolicy;
}

/**
 * Runs `work` on a logged-in connection that lives only for this call, within `timeoutMs` from
 * connect to the end of `work`. The connection is always logged out or closed afterwards, and
 * every failure comes out as a MailError.
 */
export async function withImapSession<T>(
  settings: ImapSettings,
  options: ImapSessionOptions,
  work: (client: ImapFlow) => Promise<T>,
): Promise<T> {
  const { timeoutMs } = options;
  const server = `${settings.host}:${settings.port}`;
  const target = await connectionTarget('imap', settings, options.network);
  const client = createImapClient(settings, target, { timeoutMs });

  let connected = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new MailError('imap_timeout', `IMAP server ${server} did not finish within ${timeoutMs} ms`));
      client.close();
    }, timeoutMs);
  });
  const session = (async () => {
    await client.connect();
    connected = true;
    return work(client);
  })();
  // When the deadline wins, the session fails later on the closed socket; that rejection is expected.
  session.catch(() => undefined);

  try {
    return await Promise.race([session, deadline]);
  } catch (error) {
    throw toImapError(error, server, connected);
  } finally {
    clearTimeout(timer);
    await closeQuietly(client);
  }
}

/**
 * A client with Relance's options: no logging (it would print addresses and message
 * contents), no automatic IDLE (callers know when they are done), and connect, greeting and
 * socket timeouts. It connects to the vetted address of `target`, never to the name again;
 * TLS still checks the certificate against the name. A client kept between calls passes a
 * longer `socketTimeoutMs`, or the socket would time out while the connection waits, unused,
 * for the next call.
 */
export function createImapClient(
  settings: ImapSettings,
  target: ConnectionTarget,
  timeouts: { timeoutMs: number; socketTimeoutMs?: number },
): ImapFlow {
  const { timeoutMs } = timeouts;
  const client = new ImapFlow({
    host: target.address,
    servername: target.servername,
    port: settings.port,
    secure: settings.secure,
    auth: { user: settings.username, pass: settings.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: Math.max(timeouts.socketTimeoutMs ?? timeoutMs, 1_000),
  });
  // Errors also reject the pending command; without a listener the event would crash the process.
  client.on('error', () => undefined);
  return client;
}

/** Logs out, or closes the socket when the server does not answer the LOGOUT in time. */
export async function closeQuietly(client: ImapFlow): Promise<void> {
  if (!client.usable) {
    client.close();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, LOGOUT_GRACE_MS);
  });
  try {
    await Promise.race([client.logout().catch(() => undefined), grace]);
  } finally {
    clearTimeout(timer);
    client.close();
  }
}

export function toImapError(error: unknown, server: string, connected: boolean): MailError {
  if (error instanceof MailError) return error;
  const failure = (typeof error === 'object' && error !== null ? error : {}) as ImapFailure;
  const code = failure.code ?? '';
  // RFC 5530 LIMIT: the login was fine but the user has too many sessions open (Dovecot
  // refuses past mail_max_userip_connections); calling it a wrong password would mislead.
  if (failure.serverResponseCode === 'LIMIT') {
    return new MailError('imap_failed', `IMAP server ${server} refused a new session: too many connections are open for this user`);
  }
  if (failure.authenticationFailed) {
    return new MailError('imap_auth_failed', `IMAP server ${server} refused the login`);
  }
  if (failure.mailboxMissing || MISSING_MAILBOX_CODES.has(failure.serverResponseCode ?? '')) {
    return new MailError('imap_mailbox_missing', `the mailbox does not exist on IMAP server ${server}`);
  }
  if (!connected || UNREACHABLE_CODES.has(code) || CONNECT_FAILURES.has(code)) {
    const reason = failure.tlsFailed ? 'TLS failed' : code || 'no answer';
    return new MailError('imap_unreachable', `cannot connect to IMAP server ${server} (${reason})`);
  }
  if (code === 'ETIMEOUT') {
    return new MailError('imap_timeout', `IMAP server ${server} stopped answering`);
  }
  const detail = failure.responseText ?? failure.message ?? 'unknown error';
  return new MailError('imap_failed', `IMAP command failed on server ${server}: ${detail}`);
}
