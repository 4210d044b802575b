import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { Connection } from '@temporalio/client';
import { hasExited, stopChild, superviseChild } from './child-processes';
import { getFreePorts } from './free-port';
import { logTail, waitUntil } from './wait-until';

export interface TemporalDevServerOptions {
  /** The CLI binary, from locateTemporalCli. */
  readonly cli: string;
  /** SQLite file for durable state; without it everything lives in memory. */
  readonly dbFilename?: string;
  /** Frontend gRPC port; a free one when omitted. */
  readonly port?: number;
  /** Web UI port; a free one when omitted (and `ui` is true). */
  readonly uiPort?: number;
  readonly ui: boolean;
  /** The UI's remote codec endpoint (Relance's API /codec), so it can show payloads decrypted. */
  readonly uiCodecEndpoint?: string;
  /** Extra namespace to create at launch ("default" always exists). */
  readonly namespace?: string;
  /** Server settings (`--dynamic-config-value`), e.g. a short history before continue-as-new is suggested. */
  readonly dynamicConfig?: Readonly<Record<string, unknown>>;
  /** Where the server's stdout and stderr go. */
  readonly logFile: string;
  readonly readyTimeoutMs?: number;
}

export interface TemporalDevServer {
  /** host:port of the frontend, the value of TEMPORAL_ADDRESS. */
  readonly address: string;
  readonly uiUrl: string | undefined;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Attempts at a start on ports of our choosing; another process may take a port between our pick and the server's bind. */
const START_ATTEMPTS = 3;

/**
 * Runs `temporal server start-dev` on loopback and resolves once its frontend serves calls. When
 * the ports are ours to choose and the server dies while starting (a port we picked, or one it
 * derives, was taken meanwhile by another suite on the same machine), it tries again on new ones.
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const portsChosen = options.port === undefined && options.uiPort === undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (error) {
      const diedStarting = error instanceof StartFailure && error.exited;
      if (!portsChosen || !diedStarting || attempt >= START_ATTEMPTS) throw error;
    }
  }
}

class StartFailure extends Error {
  constructor(message: string, readonly exited: boolean) {
    super(message);
  }
}

async function startOnce(options: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const [freePort, freeUiPort] = await getFreePorts(2);
  const port = options.port ?? freePort;
  const uiPort = options.uiPort ?? freeUiPort;
  const namespace = options.namespace ?? 'default';
  const args = ['server', 'start-dev', '--ip', HOST, '--port', String(port), '--log-level', 'warn'];
  args.push(...(options.ui ? ['--ui-port', String(uiPort)] : ['--headless']));
  if (options.ui && options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
  if (options.dbFilename) args.push('--db-filename', options.dbFilename);
  if (namespace !== 'default') args.push('--namespace', namespace);
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {})) {
    args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  }

  // A file, not a pipe: a chatty server can never block on a pipe nobody drains.
  const logFd = openSync(options.logFile, 'a');
  // Own process group: a Ctrl-C reaches only our process, which stops services in order.
  const child = spawn(options.cli, args, { stdio: ['ignore', logFd, logFd], detached: true });
  closeSync(logFd);
  superviseChild(child);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));

  const address = `${HOST}:${port}`;
  const stop = () => stopChild(child, { graceMs: 10_000 });
  try {
    await waitUntil(() => answers(address, namespace), {
      what: `Temporal dev server on ${address}`,
      timeoutMs: options.readyTimeoutMs ?? 60_000,
      intervalMs: 200,
      abortReason: () =>
        spawnError ? `could not run ${options.cli}: ${spawnError.message}`
        : hasExited(child) ? `exited with ${child.exitCode ?? child.signalCode}` : undefined,
    });
  } catch (error) {
    const exited = spawnError === undefined && hasExited(child);
    await stop();
    const tail = await logTail(options.logFile);
    throw new StartFailure(`${(error as Error).message}\n--- ${options.logFile} (tail) ---\n${tail}`, exited);
  }
  return { address, uiUrl: options.ui ? `http://${HOST}:${uiPort}` : undefined, stop };
}

/** Ready means the namespace can be described, not just that the port is open. */
async function answers(address: string, namespace: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 1_000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } finally {
    await connection.close();
  }
}
