import { SMTPServer } from 'smtp-server';

/**
 * The receiving end of every send benchmark: an smtp-server on loopback that accepts any
 * login and every message, and only counts them. Unlike the tests' capture it parses
 * nothing, so the receiver costs as little as it can and the limit it allows is high.
 */
export interface SmtpSink {
  readonly host: string;
  readonly port: number;
  /** Messages accepted so far. */
  readonly count: number;
  /** performance.now() when the n-th message (1-based) was accepted, for n up to the count. */
  acceptedAt(n: number): number;
  /** Resolves once `count` messages have been accepted, with the time the last one was. */
  waitForCount(count: number, options: { signal: AbortSignal; timeoutMs: number; what: string }): Promise<number>;
  stop(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const accepted: number[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // Pooled senders keep connections open; closing must not wait 30 s for them.
    closeTimeout: 1_000,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'bench' }),
    onData: (stream, _session, callback) => {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        accepted.push(performance.now());
        callback();
        for (const wake of waiters) wake();
      });
    },
  });
  const host = '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  // An unhandled 'error' (a client resetting its connection) would end the process.
  server.on('error', () => undefined);
  const port = (server.server.address() as { port: number }).port;

  const waitForCount: SmtpSink['waitForCount'] = (count, { signal, timeoutMs, what }) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(new Error('interrupted'));
      let timer: NodeJS.Timeout | undefined;
      const done = (error?: Error) => {
        clearTimeout(timer);
        waiters.delete(check);
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(accepted[count - 1]);
      };
      const check = () => {
        if (accepted.length >= count) done();
      };
      const onAbort = () => done(new Error('interrupted'));
      timer = setTimeout(
        () => done(new Error(`${what}: ${accepted.length} of ${count} messages accepted after ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      signal.addEventListener('abort', onAbort, { once: true });
      waiters.add(check);
      check();
    });

  return {
    host,
    port,
    get count() {
      return accepted.length;
    },
    acceptedAt: (n) => accepted[n - 1],
    waitForCount,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
