import { ImapFlow } from 'imapflow';

/**
 * Plays the part of a mail provider that files every message its SMTP server accepts in the
 * sender's Sent folder (Gmail, Exchange do): with it, the Sent folder is a complete record
 * of what left, and Relance can settle every interrupted send exactly (Guarantee 1 turns
 * "at most once" into "exactly once"). One IMAP connection, reopened when it drops.
 */
export class ServerSentFolder {
  private client: ImapFlow | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly settings: { host: string; port: number; user: string; password: string }) {}

  /** Appends `raw` to Sent; serialised, since one IMAP connection runs one APPEND at a time. */
  file(raw: Buffer): Promise<void> {
    const next = this.queue.then(() => this.append(raw));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    const client = this.client;
    this.client = undefined;
    await client?.logout().catch(() => client.close());
  }

  private async append(raw: Buffer): Promise<void> {
    const client = await this.connected();
    try {
      const stored = await client.append('Sent', raw, ['\\Seen']);
      if (!stored) throw new Error('the IMAP server refused the APPEND to Sent');
    } catch (error) {
      this.client = undefined;
      client.close();
      throw error;
    }
  }

  private async connected(): Promise<ImapFlow> {
    if (this.client?.usable) return this.client;
    const client = new ImapFlow({
      host: this.settings.host,
      port: this.settings.port,
      secure: false,
      auth: { user: this.settings.user, pass: this.settings.password },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => undefined); // the pending command fails too; that is what we report
    await client.connect();
    this.client = client;
    return client;
  }
}
