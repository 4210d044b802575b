import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerEnvelope } from 'smtp-server';

/** One message accepted by the capture server, with the headers tests assert on. */
export interface CapturedMessage {
  readonly raw: Buffer;
  readonly envelope: { readonly from: string | undefined; readonly to: readonly string[] };
  readonly messageId: string | undefined;
  readonly inReplyTo: string | undefined;
  readonly references: readonly string[];
  readonly subject: string | undefined;
  readonly text: string | undefined;
  readonly to: readonly string[];
}

export interface SmtpRejection {
  readonly code: number;
  readonly message: string;
}

export interface SmtpCapture {
  readonly host: string;
  readonly port: number;
  readonly messages: readonly CapturedMessage[];
  /** Connections accepted so far, whether or not they sent anything. */
  readonly connections: number;
  waitFor(predicate: (message: CapturedMessage) => boolean, timeoutMs?: number): Promise<CapturedMessage>;
  stop(): Promise<void>;
}

type Envelope = CapturedMessage['envelope'];

/**
 * A receiving SMTP server on loopback that accepts any login (unless `refuseLogin` says no) and
 * records every message, or refuses the ones `failWith` picks (to test bounces and transient failures).
 */
export async function startSmtpCapture(
  options: {
    port?: number;
    failWith?: (envelope: Envelope) => SmtpRejection | undefined;
    /**
     * Runs before a message is acknowledged, as a server that files what it accepts in the
     * sender's Sent folder does (Gmail, Exchange); if it throws, the message is refused with a 451.
     */
    onAccept?: (raw: Buffer, envelope: Envelope) => Promise<void>;
    /** A reason to refuse this login (a 535 with it), or undefined to accept it; any login passes by default. */
    refuseLogin?: (login: { username: string; password: string }) => string | undefined;
  } = {},
): Promise<SmtpCapture> {
  const messages: CapturedMessage[] = [];
  const waiters = new Set<(message: CapturedMessage) => void>();
  let connections = 0;
  const server = new SMTPServer({
    onConnect: (_session, callback) => {
      connections += 1;
      callback();
    },
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 1_000, // a client's idle pooled connection must not hold stop() for 30 s
    onAuth: (auth, _session, callback) => {
      const refusal = options.refuseLogin?.({ username: auth.username ?? '', password: auth.password ?? '' });
      if (refusal) return callback(Object.assign(new Error(refusal), { responseCode: 535 }));
      callback(null, { user: 'capture' });
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = toEnvelope(session.envelope);
        const rejection = options.failWith?.(envelope);
        if (rejection) return callback(Object.assign(new Error(rejection.message), { responseCode: rejection.code }));
        const raw = Buffer.concat(chunks);
        parse(raw, envelope).then(async (message) => {
          await options.onAccept?.(raw, envelope).catch((error: Error) => {
            throw Object.assign(new Error(`cannot accept now: ${error.message}`), { responseCode: 451 });
          });
          messages.push(message);
          for (const waiter of waiters) waiter(message);
          callback();
        }, callback);
      });
    },
  });
  const host = '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  // A client that dies mid-transaction (a killed worker) resets its connection: smtp-server
  // emits that as an 'error', which would otherwise end the test process.
  server.on('error', () => undefined);
  const port = (server.server.address() as { port: number }).port;

  const waitFor = (predicate: (message: CapturedMessage) => boolean, timeoutMs = 10_000) =>
    new Promise<CapturedMessage>((resolve, reject) => {
      const found = messages.find(predicate);
      if (found) return resolve(found);
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching SMTP message within ${timeoutMs} ms (${messages.length} received)`));
      }, timeoutMs);
      const check = (message: CapturedMessage) => {
        if (!predicate(message)) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(message);
      };
      waiters.add(check);
    });
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    host, port, messages, waitFor, stop,
    get connections() {
      return connections;
    },
  };
}

function toEnvelope(envelope: SMTPServerEnvelope): Envelope {
  return {
    from: envelope.mailFrom ? envelope.mailFrom.address : undefined,
    to: envelope.rcptTo.map((rcpt) => rcpt.address),
  };
}

async function parse(raw: Buffer, envelope: Envelope): Promise<CapturedMessage> {
  const parsed = await simpleParser(raw);
  const references = parsed.references === undefined ? [] : [parsed.references].flat();
  const to = [parsed.to ?? []].flat().flatMap((address) => address.value.map((entry) => entry.address ?? ''));
  return {
    raw,
    envelope,
    messageId: parsed.messageId,
    inReplyTo: parsed.inReplyTo,
    references,
    subject: parsed.subject,
    text: parsed.text,
    to,
  };
}
