import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One email the catcher received, as the demo inbox shows it. */
export interface CaughtEmail {
  /** `<received ms>-<uuid>`: also its file name, so names sort oldest first. */
  readonly id: string;
  readonly receivedAt: Date;
  readonly from: { readonly address: string; readonly name: string } | undefined;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly messageId: string | undefined;
  readonly references: readonly string[];
}

export interface MailCatcher {
  readonly host: string;
  readonly port: number;
  /** Newest first, at most `limit`. */
  list(limit?: number): Promise<CaughtEmail[]>;
  get(id: string): Promise<CaughtEmail | undefined>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const ID = /^\d{13}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_SIZE = 10 * 1024 * 1024;

/**
 * A local SMTP server that accepts any login and any recipient and keeps every message it
 * receives as an .eml file in `dir`, so npm start can send real email that never leaves the
 * machine, and show it after a restart. Loopback only; no TLS (nothing crosses a network).
 */
export async function startMailCatcher(options: { dir: string; port?: number }): Promise<MailCatcher> {
  // Only this user reads what was caught.
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const parsed = new Map<string, CaughtEmail>();
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_SIZE,
    logger: false,
    // A sender's idle pooled connection must not hold stop() for 30 s.
    closeTimeout: 1_000,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(Object.assign(new Error('message too big'), { responseCode: 552 }));
        const id = `${Date.now()}-${randomUUID()}`;
        writeFile(join(options.dir, `${id}.eml`), Buffer.concat(chunks)).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  // A client that hangs up mid-transaction makes smtp-server emit 'error': not our failure.
  server.on('error', () => undefined);
  const port = (server.server.address() as { port: number }).port;

  const get = async (id: string): Promise<CaughtEmail | undefined> => {
    if (!ID.test(id)) return undefined;
    const known = parsed.get(id);
    if (known) return known;
    const raw = await readFile(join(options.dir, `${id}.eml`)).catch(() => undefined);
    if (!raw) return undefined;
    const email = await parseCaught(id, raw);
    parsed.set(id, email);
    return email;
  };
  const list = async (limit = 100): Promise<CaughtEmail[]> => {
    const ids = (await readdir(options.dir))
      .filter((name) => name.endsWith('.eml'))
      .map((name) => name.slice(0, -'.eml'.length))
      .filter((id) => ID.test(id))
      .sort()
      .reverse()
      .slice(0, limit);
    const emails = await Promise.all(ids.map(get));
    return emails.filter((email): email is CaughtEmail => email !== undefined);
  };
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { host: HOST, port, list, get, stop };
}

async function parseCaught(id: string, raw: Buffer): Promise<CaughtEmail> {
  const mail = await simpleParser(raw);
  const from = mail.from?.value[0];
  return {
    id,
    receivedAt: new Date(Number(id.slice(0, 13))),
    from: from?.address ? { address: from.address.toLowerCase(), name: from.name ?? '' } : undefined,
    to: [mail.to ?? []].flat().flatMap((group) => group.value.flatMap((entry) => (entry.address ? [entry.address.toLowerCase()] : []))),
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    messageId: mail.messageId,
    references: mail.references === undefined ? [] : [mail.references].flat(),
  };
}
