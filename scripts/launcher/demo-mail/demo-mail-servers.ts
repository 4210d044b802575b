import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DOVECOT_INSTALL_COMMAND, locateDovecot, startDovecot, startMailCatcher, type DovecotServer, type MailCatcher,
} from '@relance/devservices';
import { reserveDemoMailPorts, type DemoMailPorts } from './demo-mail-ports';

/** The rep of the demo workspace: the demo mailbox's address and its Dovecot user. */
export const DEMO_REP = { email: 'rep@demo.relance.test', displayName: 'Demo Rep' } as const;

/** The rep's IMAP and LMTP server, and the login of the demo mailbox on it. */
export interface DemoImap {
  readonly host: string;
  readonly imapPort: number;
  readonly lmtpPort: number;
  readonly user: string;
  readonly password: string;
}

/** Why npm start has no demo mailbox, and what to do about it, for the console and the inbox page. */
export interface NoDemoMailbox {
  readonly reason: string;
  readonly fix: readonly string[];
}

export interface DemoMailServers {
  /** Keeps every email Relance sends, whatever the mailbox that sends it through here. */
  readonly catcher: MailCatcher;
  /** Absent on a machine without Dovecot, or when it could not start (see `missing`). */
  readonly imap: DemoImap | undefined;
  readonly missing: NoDemoMailbox | undefined;
  readonly ports: DemoMailPorts;
  stop(): Promise<void>;
}

type Log = (line: string) => void;

/** The one command that makes the demo mailbox possible, said both ways. */
export const INSTALL_DOVECOT: readonly string[] = [
  'The demo mailbox needs Dovecot (IMAP). Install it, then run npm start again:',
  `  sudo ${DOVECOT_INSTALL_COMMAND}`,
  `  (as root: ${DOVECOT_INSTALL_COMMAND})`,
];

/**
 * The demo mail servers of npm start, state under `dir` (.data/demo-mail): the catcher on
 * loopback SMTP, and a private Dovecot holding the rep's INBOX when Dovecot is installed.
 * Without Dovecot everything else still runs, and `missing` says what to install.
 */
export async function startDemoMailServers(options: {
  dir: string;
  dovecotPath: string | undefined;
  password: string;
  log: Log;
}): Promise<DemoMailServers> {
  // Dovecot's mail processes run as "mail": the folder must be open to them.
  mkdirSync(options.dir, { recursive: true, mode: 0o755 });
  const ports = await reserveDemoMailPorts(join(options.dir, 'ports.json'));
  const catcher = await startMailCatcher({ dir: join(options.dir, 'caught'), port: ports.smtp });
  options.log(`demo mail catcher: SMTP on ${catcher.host}:${catcher.port}, mail kept in ${join(options.dir, 'caught')}`);

  let dovecot: DovecotServer | undefined;
  let missing: NoDemoMailbox | undefined;
  if (!locateDovecot(options.dovecotPath)) {
    const reason = options.dovecotPath
      ? `DOVECOT_PATH is ${options.dovecotPath}, which does not run Dovecot`
      : 'Dovecot is not installed';
    missing = { reason, fix: INSTALL_DOVECOT };
  } else {
    try {
      dovecot = await startDovecot({
        users: [{ user: DEMO_REP.email, password: options.password }],
        binary: options.dovecotPath,
        mailRoot: join(options.dir, 'mailboxes'),
        ports: { imap: ports.imap, lmtp: ports.lmtp },
      });
      options.log(`demo mailbox server: Dovecot IMAP on ${dovecot.host}:${dovecot.imapPort}, LMTP ${dovecot.lmtpPort}`);
    } catch (error) {
      const [first, ...details] = (error as Error).message.split('\n');
      missing = { reason: `Dovecot could not start: ${first}`, fix: ['Fix what stops Dovecot, then run npm start again.'] };
      // Dovecot's own words (its log's tail), once, before the summary.
      for (const line of details.filter((l) => l.trim())) options.log(`  ${line}`);
    }
  }
  if (missing) {
    options.log(`no demo mailbox: ${missing.reason}`);
    for (const line of missing.fix) options.log(line);
  }
  const imap = dovecot && {
    host: dovecot.host,
    imapPort: dovecot.imapPort,
    lmtpPort: dovecot.lmtpPort,
    user: DEMO_REP.email,
    password: options.password,
  };
  return {
    catcher,
    imap,
    missing,
    ports,
    stop: async () => {
      await dovecot?.stop();
      await catcher.stop();
    },
  };
}
