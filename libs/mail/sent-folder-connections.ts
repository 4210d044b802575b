import type { ImapFlow } from 'imapflow';
import { connectionTarget, type MailNetworkPolicy } from './connection-target';
import { settingsFingerprint, type ImapSettings } from './mail-settings';
import { MailError } from './mail-error';
import { closeQuietly, createImapClient, toImapError } from './imap-session';
import { appendToSentFolder, findSentFolder, searchSentFolder } from './sent-folder';
import { peekInbox, type InboxPeek } from './inbox-peek';
import type { InboundMail } from './inbound-mail';

export interface SentFolderConnectionsOptions {
  /** Where connections may go: each new one resolves the host and connects to the vetted address. */
  network: MailNetworkPolicy;
  /** Longest wait for one operation, connect and login included when it needs a connection. */
  timeoutMs: number;
  /** A connection unused this long is logged out, so an idle worker holds no IMAP sessions. */
  idleCloseMs?: number;
  /**
   * A connection unused this long answers a NOOP before the next operation goes out on it.
   * A server may drop a connection we are not using (restart, admin kick, NAT expiry); a
   * failed NOOP shows it before any APPEND could have run, so the operation can go on a fresh
   * connection without risking a second copy. Back-to-back operations skip the check.
   */
  verifyAfterMs?: number;
}

const DEFAULT_IDLE_CLOSE_MS = 30_000;
const DEFAULT_VERIFY_AFTER_MS = 1_000;

interface Connection {
  readonly client: ImapFlow;
  readonly fingerprint: string;
  /** Looked up once per connection; null when the mailbox has no Sent folder. */
  sentFolder?: string | null;
  lastUsedAt: number;
}

/** One mailbox's connection, and the queue its operations wait in. */
interface MailboxLine {
  connection: Connection | null;
  tail: Promise<void>;
  /** Operations queued or running: the idle timer runs only when none is. */
  pending: number;
  idleTimer: NodeJS.Timeout | null;
}

type SentFolderWork<T> = (client: ImapFlow, sentFolder: string | null) => Promise<T>;

/**
 * Keeps one logged-in IMAP connection per mailbox for filing sent mail and looking it up, and
 * for the look at the INBOX just before a follow-up leaves.
 * A connection per message would log in for every send, and a burst of sends would open
 * more sessions than servers allow per user (Dovecot: 10), losing copies. Operations on one
 * mailbox run one at a time, in order; different mailboxes do not wait for each other.
 * Every failure comes out as a MailError and drops the connection: the next operation
 * starts on a fresh one.
 */
export class SentFolderConnections {
  private readonly lines = new Map<string, MailboxLine>();
  private readonly timeoutMs: number;
  private readonly idleCloseMs: number;
  private readonly verifyAfterMs: number;
  private readonly network: MailNetworkPolicy;

  constructor(options: SentFolderConnectionsOptions) {
    this.network = options.network;
    this.timeoutMs = options.timeoutMs;
    this.idleCloseMs = options.idleCloseMs ?? DEFAULT_IDLE_CLOSE_MS;
    this.verifyAfterMs = options.verifyAfterMs ?? DEFAULT_VERIFY_AFTER_MS;
  }

  /** Stores a sent message in the mailbox's Sent folder. False when it has none. */
  append(mailboxId: string, settings: ImapSettings, raw: Buffer): Promise<boolean> {
    return this.enqueue(mailboxId, (line) => this.perform(line, settings, (client, folder) => appendToSentFolder(client, folder, raw)));
  }

  /** Whether the Sent folder holds this Message-ID; null when the mailbox has no Sent folder. */
  holds(mailboxId: string, settings: ImapSettings, messageId: string): Promise<boolean | null> {
    return this.enqueue(mailboxId, (line) => this.perform(line, settings, (client, folder) => searchSentFolder(client, folder, messageId)));
  }

  /**
   * The INBOX mail from a prospect or answering their thread since the sync's checkpoint (see
   * peekInbox): a last look before a follow-up leaves, on the same kept connection.
   */
  peekInbox(mailboxId: string, settings: ImapSettings, peek: InboxPeek): Promise<InboundMail[]> {
    return this.enqueue(mailboxId, (line) => this.perform(line, settings, (client) => peekInbox(client, peek)));
  }

  /** Logs every connection out, after the operations already queued on it. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.lines.keys()].map((mailboxId) => this.enqueue(mailboxId, (line) => this.logOut(line))));
  }

  private enqueue<T>(mailboxId: string, task: (line: MailboxLine) => Promise<T>): Promise<T> {
    let line = this.lines.get(mailboxId);
    if (!line) {
      line = { connection: null, tail: Promise.resolve(), pending: 0, idleTimer: null };
      this.lines.set(mailboxId, line);
    }
    const current = line;
    current.pending += 1;
    if (current.idleTimer) clearTimeout(current.idleTimer);
    current.idleTimer = null;
    const result = current.tail.then(() => task(current));
    const settled = () => {
      current.pending -= 1;
      if (current.pending === 0) this.whenQuiet(mailboxId, current);
    };
    current.tail = result.then(settled, settled);
    return result;
  }

  private whenQuiet(mailboxId: string, line: MailboxLine): void {
    if (!line.connection) {
      this.lines.delete(mailboxId);
      return;
    }
    line.idleTimer = setTimeout(() => void this.enqueue(mailboxId, (idle) => this.logOut(idle)), this.idleCloseMs);
    // Only the connection's own socket decides whether the process may exit, not this timer.
    line.idleTimer.unref();
  }

  private async perform<T>(line: MailboxLine, settings: ImapSettings, work: SentFolderWork<T>): Promise<T> {
    const server = `${settings.host}:${settings.port}`;
    await this.dropIfUnfit(line, settings, server);
    let connected = line.connection !== null;
    try {
      return await this.withinTimeout(server, line, async () => {
        const connection = line.connection ?? (await this.open(line, settings));
        connected = true;
        if (connection.sentFolder === undefined) connection.sentFolder = await findSentFolder(connection.client);
        const result = await work(connection.client, connection.sentFolder);
        connection.lastUsedAt = Date.now();
        return result;
      });
    } catch (error) {
      // A refused command may leave the connection fine, but also a stale folder path or a
      // half-read answer: a fresh connection costs one login and is sure.
      this.drop(line);
      throw toImapError(error, server, connected);
    }
  }

  /** Leaves the line without a connection when its connection may not serve `settings`. */
  private async dropIfUnfit(line: MailboxLine, settings: ImapSettings, server: string): Promise<void> {
    const connection = line.connection;
    if (!connection) return;
    if (connection.fingerprint !== settingsFingerprint(settings)) {
      // New password, host...: the old connection is healthy, so it gets a polite LOGOUT.
      line.connection = null;
      await closeQuietly(connection.client);
      return;
    }
    if (!connection.client.usable) {
      this.drop(line);
      return;
    }
    if (Date.now() - connection.lastUsedAt < this.verifyAfterMs) return;
    // noop() swallows command errors; a lost connection shows as an unusable client.
    const alive = await this.withinTimeout(server, line, () => connection.client.noop()).then(
      () => connection.client.usable,
      () => false,
    );
    if (alive) connection.lastUsedAt = Date.now();
    else this.drop(line);
  }

  private async open(line: MailboxLine, settings: ImapSettings): Promise<Connection> {
    const target = await connectionTarget('imap', settings, this.network);
    // The socket timeout must outlast the idle close, or an unused connection would time out first.
    const client = createImapClient(settings, target, { timeoutMs: this.timeoutMs, socketTimeoutMs: this.idleCloseMs + this.timeoutMs });
    const connection: Connection = { client, fingerprint: settingsFingerprint(settings), lastUsedAt: Date.now() };
    // Set before connecting, so a timeout during the login closes this client too.
    line.connection = connection;
    client.on('close', () => {
      if (line.connection === connection) line.connection = null;
    });
    await client.connect();
    return connection;
  }

  /** Closes the connection without a word: after a failure it may not answer a LOGOUT. */
  private drop(line: MailboxLine): void {
    const connection = line.connection;
    line.connection = null;
    connection?.client.close();
  }

  private async logOut(line: MailboxLine): Promise<void> {
    const connection = line.connection;
    line.connection = null;
    if (connection) await closeQuietly(connection.client);
  }

  /** Runs `work` within timeoutMs; on a timeout the connection is closed, failing `work` too. */
  private async withinTimeout<T>(server: string, line: MailboxLine, work: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new MailError('imap_timeout', `IMAP server ${server} did not answer within ${this.timeoutMs} ms`));
        this.drop(line);
      }, this.timeoutMs);
    });
    const running = work();
    // When the deadline wins, `work` fails later on the closed connection; that is expected.
    running.catch(() => undefined);
    try {
      return await Promise.race([running, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
