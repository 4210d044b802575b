import { spawn, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasExited, onProcessExit, stopChild, superviseChild } from './child-processes';
import { renderDovecotConfig, renderUsersFile } from './dovecot-config';
import { getFreePorts } from './free-port';
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
const INSTALL_HINT = 'apt-get install -y dovecot-imapd dovecot-lmtpd';

/** Starts a throw-away Dovecot (IMAP + LMTP) with the given users and empty mailboxes. */
export async function startDovecot(options: {
  users: readonly MailUser[];
  readyTimeoutMs?: number;
}): Promise<DovecotServer> {
  const binary = findDovecot();
  const root = await mkdtemp(join(tmpdir(), 'relance-dovecot-'));
  // mkdtemp makes 0700; Dovecot's unprivileged processes must be able to enter it.
  await chmod(root, 0o755);
  const mailRoot = join(root, 'mail');
  await mkdir(mailRoot, { mode: 0o700 });
  await chown(mailRoot, MAIL_UID, MAIL_UID);
  const [imapPort, lmtpPort] = await getFreePorts(2);
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

function findDovecot(): string {
  for (const candidate of ['dovecot', '/usr/sbin/dovecot', '/usr/local/sbin/dovecot']) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error(`Dovecot is not installed (it serves IMAP and LMTP to the tests): ${INSTALL_HINT}`);
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
