import { createTransport } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import { connectionTarget, type ConnectionTarget, type MailNetworkPolicy } from './connection-target';
import { settingsFingerprint, type SmtpSettings } from './mail-settings';
import { MailError, redactAddresses } from './mail-error';
import { normalizeMessageId } from './message-id';
import { SendTurns } from './send-turns';
import { toSmtpError } from './smtp-errors';

export interface MailAddress {
  address: string;
  name?: string;
}

export interface OutgoingMail {
  from: MailAddress;
  to: MailAddress;
  subject: string;
  text: string;
  html?: string;
  /** The outbox row's id from buildMessageId, sent as is so the Sent folder and replies find it. */
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  headers?: Record<string, string>;
}

export interface SendResult {
  messageId: string;
  /** The RFC 5322 message as sent, for a copy in the Sent folder. */
  raw: Buffer;
  /** The server's final reply, addresses redacted. */
  response: string;
  accepted: boolean;
}

export interface SmtpSenderOptions {
  /** Where connections may go; every one resolves its host through it and connects to the vetted address. */
  network: MailNetworkPolicy;
  /** Connections per mailbox; a rep's mailbox sends one message at a time by default. */
  maxConnectionsPerMailbox?: number;
  /** Budget for TCP connect and for the greeting, each. */
  connectTimeoutMs?: number;
  /** Pooled connections idle longer than this are closed. */
  idleTimeoutMs?: number;
  /** Name announced in EHLO; nodemailer's default is the machine's hostname. */
  clientName?: string;
}

type PoolTransport = ReturnType<typeof createPool>;

/**
 * Sends through one pooled SMTP connection set per mailbox. Pools matter: servers (smtp-server
 * among them) pause before greeting each new connection, so reconnecting per message caps a
 * mailbox at a handful of messages per second.
 */
export class SmtpSender {
  private readonly pools = new Map<string, { fingerprint: string; address: string; transport: PoolTransport }>();
  private readonly turns = new Map<string, SendTurns>();

  constructor(private readonly options: SmtpSenderOptions) {}

  /**
   * Sends one message through mailbox `key`'s pool. `timeoutMs` bounds the wait for a free
   * connection (then `smtp_busy`: certainly not sent) and, again, the delivery itself (then
   * `smtp_timeout`, maybe delivered): nothing of this call touches the wire after 2 × timeoutMs.
   */
  async send(key: string, settings: SmtpSettings, mail: OutgoingMail, opts: { timeoutMs: number }): Promise<SendResult> {
    const messageId = normalizeMessageId(mail.messageId);
    if (!messageId) throw new MailError('invalid_address', `outbox message ${key} has no valid Message-ID`);
    // Built once: the very bytes sent are what a copy in the Sent folder holds.
    const raw = await buildRawMessage({
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId,
      inReplyTo: mail.inReplyTo ? (normalizeMessageId(mail.inReplyTo) ?? undefined) : undefined,
      references: mail.references?.flatMap((id) => normalizeMessageId(id) ?? []),
      headers: mail.headers,
    });
    // Resolved and judged for every message: a pooled connection goes to the address vetted
    // here, and a DNS answer that changed since reaches nothing before it is judged.
    const target = await connectionTarget('smtp', settings, this.options.network);
    // Wait for one of the mailbox's connections here, not in the pool's queue: a message
    // aborted in that queue fails exactly like one aborted mid-delivery (maybe delivered),
    // whereas one that never got its turn certainly did not leave.
    const release = await this.turnsFor(key).take(opts.timeoutMs);
    if (!release) {
      throw new MailError('smtp_busy', `no connection to SMTP server ${serverName(settings)} was free within ${opts.timeoutMs} ms; nothing was sent`);
    }
    try {
      const info = await this.poolFor(key, settings, target).sendMail({
        envelope: { from: mail.from.address, to: [mail.to.address] },
        raw,
        // Aborting closes the connection carrying the message, so a stalled server cannot hold
        // the activity past its own timeout.
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      return {
        messageId,
        response: redactAddresses(info.response ?? ''),
        accepted: info.accepted.length > 0 && info.rejected.length === 0,
        raw,
      };
    } catch (error) {
      throw toSmtpError(error, serverName(settings), 'send', opts.timeoutMs);
    } finally {
      release();
    }
  }

  /** Connects and logs in with a throwaway connection, for the mailbox settings form. */
  async verify(settings: SmtpSettings, timeoutMs: number): Promise<void> {
    const target = await connectionTarget('smtp', settings, this.options.network);
    const transport = createTransport({
      ...connectionOptions(settings, target, this.options),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    try {
      await transport.verify();
    } catch (error) {
      throw toSmtpError(error, serverName(settings), 'verify', timeoutMs);
    } finally {
      transport.close();
    }
  }

  /** Closes a mailbox's pool once its in-flight messages are done. */
  close(key: string): void {
    this.pools.get(key)?.transport.close();
    this.pools.delete(key);
  }

  closeAll(): void {
    for (const key of [...this.pools.keys()]) this.close(key);
  }

  private turnsFor(key: string): SendTurns {
    let turns = this.turns.get(key);
    if (!turns) {
      turns = new SendTurns(this.options.maxConnectionsPerMailbox ?? 1);
      this.turns.set(key, turns);
    }
    return turns;
  }

  private poolFor(key: string, settings: SmtpSettings, target: ConnectionTarget): PoolTransport {
    const fingerprint = settingsFingerprint(settings);
    const existing = this.pools.get(key);
    // A host answering several addresses in turns keeps its pool while its address is among them.
    if (existing?.fingerprint === fingerprint && target.addresses.includes(existing.address)) return existing.transport;
    // Settings changed, or the host no longer has the pool's address: messages in flight finish on the old pool.
    existing?.transport.close();
    const transport = createPool(settings, target, this.options);
    this.pools.set(key, { fingerprint, address: target.address, transport });
    return transport;
  }
}

function createPool(settings: SmtpSettings, target: ConnectionTarget, options: SmtpSenderOptions) {
  const transport = createTransport({
    ...connectionOptions(settings, target, options),
    pool: true,
    maxConnections: options.maxConnectionsPerMailbox ?? 1,
    maxMessages: Infinity,
    // The pool may requeue a message whose connection closed while sending (5 times by
    // default), possibly after the server took it: a duplicate to the prospect. In 10.6 an
    // error reaches the callback first, but at-most-once must not hang on that detail: the
    // caller decides, with MailError.maybeDelivered.
    maxRequeues: 0,
    idleTimeout: options.idleTimeoutMs ?? 60_000,
  });
  // Failures reach the caller through sendMail; without a listener an 'error' event would
  // crash the process.
  transport.on('error', () => undefined);
  return transport;
}

/** Connects to the vetted address, never to the name again; TLS still checks the certificate against the name. */
function connectionOptions(settings: SmtpSettings, target: ConnectionTarget, options: SmtpSenderOptions) {
  const connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
  return {
    host: target.address,
    port: settings.port,
    secure: settings.secure,
    tls: target.servername ? { servername: target.servername } : undefined,
    auth: settings.username ? { user: settings.username, pass: settings.password } : undefined,
    name: options.clientName,
    connectionTimeout: connectTimeoutMs,
    greetingTimeout: connectTimeoutMs,
    socketTimeout: 60_000,
    // Message content comes from users' templates: never let it pull local files or URLs.
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  };
}

function serverName(settings: SmtpSettings): string {
  return `${settings.host}:${settings.port}`;
}

function buildRawMessage(options: Mail.Options): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    new MailComposer(options).compile().build((error, message) => (error ? reject(error) : resolve(message)));
  });
}
