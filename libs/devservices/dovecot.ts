import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { hasExited, onProcessExit, stopChild, superviseChild } from './child-processes';
import { renderDovecotConfig, renderUsersFile } from './dovecot-config';
import { getFreePorts } from './free-port';
import { ensureTraversable } from './traversable';
import { logTail, waitUntil } from './wait-until';

export interface MailUser {
  readonly user: string;
  readonly password: string;
}

export interface DovecotServer {
  readonly host: string;
  readonly imapPort: number;
  readonly lmtpPort: number;
  readonly users: readonly MailUser[];
  /**
   * Its passwd-file, which Dovecot reads again whenever it changes: a test may add a user or
   * change a password there (see renderUserLine).
   */
  readonly usersFile: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const MAIL_UID = 8; // the Debian "mail" user and group, as in the generated config
/** Debian's packages for IMAP and LMTP (run as root, or with sudo). */
export const DOVECOT_INSTALL_COMMAND = 'apt-get install -y dovecot-imapd dovecot-lmtpd';
const USUAL_PLACES = ['dovecot', '/usr/sbin/dovecot', '/usr/local/sbin/dovecot'];

export interface StartDovecotOptions {
  readonly users: readonly MailUser[];
  /** The binary to run (DOVECOT_PATH); the usual places when omitted. */
  readonly binary?: string;
  /**
   * Where mail is kept across restarts (npm start's demo mailbox); omitted, mailboxes start
   * empty in the instance's throw-away folder.
   */
  readonly mailRoot?: string;
  /** IMAP and LMTP ports; free ones when omitted. */
  readonly ports?: { readonly imap: number; readonly lmtp: number };
  readonly readyTimeoutMs?: number;
}

/**
 * The Dovecot binary that runs: `explicit` (never a fallback from it, so a wrong path shows),
 * else the usual places; undefined when there is none.
 */
export function locateDovecot(explicit?: string): string | undefined {
  for (const candidate of explicit ? [explicit] : USUAL_PLACES) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return undefined;
}

/** Starts a private Dovecot (IMAP + LMTP) with the given users, config and sockets in a throw-away folder. */
export async function startDovecot(options: StartDovecotOptions): Promise<DovecotServer> {
  const binary = locateDovecot(options.binary);
  if (!binary) {
    throw new Error(
      options.binary
        ? `Dovecot at ${options.binary} does not run (DOVECOT_PATH)`
        : `Dovecot is not installed (it serves IMAP and LMTP): ${DOVECOT_INSTALL_COMMAND}`,
    );
  }
  const root = await mkdtemp(join(tmpdir(), 'relance-dovecot-'));
  // mkdtemp makes 0700; Dovecot's unprivileged processes must be able to enter it.
  await chmod(root, 0o755);
  const mailRoot = options.mailRoot ?? join(root, 'mail');
  try {
    await prepareMailRoot(mailRoot);
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  const [imapPort, lmtpPort] = options.ports ? [options.ports.imap, options.ports.lmtp] : await getFreePorts(2);
  const usersFile = join(root, 'users');
  const configFile = join(root, 'dovecot.conf');
  await writeFile(usersFile, renderUsersFile(options.users, mailRoot), { mode: 0o644 });
  await writeFile(configFile, renderDovecotConfig({ root, imapPort, lmtpPort, usersFile, mailRoot }));

  // Own process group: a Ctrl-C reaches only our process, which stops services in order.
  const child = spawn(binary, ['-F', '-c', configFile], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  superviseChild(child);
  // Registered after the child's SIGTERM, so on a crash the server is told first.
  const forgetFolder = onProcessExit(() => rmSync(root, { recursive: true, force: true }));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4_000)));
  const stop = async () => {
    await stopChild(child, { graceMs: 8_000 });
    await rm(root, { recursive: true, force: true });
    forgetFolder();
  };
  try {
    await waitUntil(() => greets(imapPort), {
      what: `Dovecot IMAP on ${HOST}:${imapPort}`,
      timeoutMs: options.readyTimeoutMs ?? 15_000,
      intervalMs: 50,
      abortReason: () => (hasExited(child) ? `dovecot exited with ${child.exitCode ?? child.signalCode}` : undefined),
    });
  } catch (error) {
    const log = await logTail(join(root, 'dovecot.log'));
    await stop();
    throw new Error(`${(error as Error).message}\n${stderr}${log}`);
  }
  return { host: HOST, imapPort, lmtpPort, users: options.users, usersFile, stop };
}

/** The mail folder belongs to the "mail" user, which must also be able to reach it. */
async function prepareMailRoot(mailRoot: string): Promise<void> {
  await mkdir(dirname(mailRoot), { recursive: true });
  await mkdir(mailRoot, { recursive: true, mode: 0o700 });
  await chown(mailRoot, MAIL_UID, MAIL_UID);
  await ensureTraversable(mailRoot, `Dovecot reads mail as the "mail" user (uid ${MAIL_UID})`);
}

/** True once the server sends its "* OK" greeting. */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: HOST, port });
    socket.setTimeout(2_000, () => socket.destroy(new Error('no greeting within 2 s')));
    socket.once('error', reject);
    socket.once('data', (chunk: Buffer) => {
      socket.end('A1 LOGOUT\r\n');
      socket.destroy();
      resolve(chunk.toString('latin1').startsWith('* OK'));
    });
  });
}
