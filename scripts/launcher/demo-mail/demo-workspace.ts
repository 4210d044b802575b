import { createDataSource, MailboxRepository } from '@relance/db';
import type { LauncherApi } from '../launcher-api';
import { DEMO_REP, type DemoImap } from './demo-mail-servers';

/** People of a reserved domain (RFC 2606): the catcher takes their mail, nobody else can. */
export const DEMO_PROSPECTS = [
  { email: 'ada@prospect.example', firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines' },
  { email: 'grace@prospect.example', firstName: 'Grace', lastName: 'Hopper', company: 'Compiler Works' },
  { email: 'alan@prospect.example', firstName: 'Alan', lastName: 'Turing', company: 'Bletchley Labs' },
] as const;

export interface DemoProspect {
  readonly id: string;
  readonly email: string;
  readonly firstName: string;
}

interface MailboxView {
  id: string;
  email: string;
  smtp: { host: string; port: number };
  imap: { host: string; port: number };
}

type Log = (line: string) => void;

/** The demo prospects, created on the first start and found again on the next ones. */
export async function ensureDemoProspects(api: LauncherApi): Promise<DemoProspect[]> {
  const existing = new Map(
    (await api.all<{ id: string; email: string }>('/v1/prospects')).map((prospect) => [prospect.email, prospect.id]),
  );
  const missing = DEMO_PROSPECTS.filter((prospect) => !existing.has(prospect.email));
  if (missing.length > 0) {
    const result = await api.post<{ created: { id: string; email: string }[]; errors: { message: string }[] }>(
      '/v1/prospects/batch',
      { prospects: missing },
    );
    if (result.errors.length > 0) throw new Error(`demo prospects refused: ${result.errors.map((e) => e.message).join('; ')}`);
    for (const prospect of result.created) existing.set(prospect.email, prospect.id);
  }
  return DEMO_PROSPECTS.map((prospect) => ({ id: existing.get(prospect.email)!, email: prospect.email, firstName: prospect.firstName }));
}

/**
 * The demo mailbox: sends through the catcher, reads the rep's Dovecot INBOX. Created through
 * the API on the first start (so both servers are verified and its sync starts), found again
 * after; if the servers had to move to other ports, the mailbox is pointed at them.
 */
export async function ensureDemoMailbox(
  api: LauncherApi,
  servers: { smtpPort: number; imap: DemoImap },
  databaseUrl: string,
  log: Log,
): Promise<string> {
  const { smtpPort, imap } = servers;
  const mailboxes = await api.get<{ data: MailboxView[] }>('/v1/mailboxes');
  const existing = mailboxes.data.find((mailbox) => mailbox.email === DEMO_REP.email);
  if (!existing) {
    const created = await api.post<MailboxView>('/v1/mailboxes', {
      email: DEMO_REP.email,
      displayName: DEMO_REP.displayName,
      // The catcher takes any login; the same one keeps the settings plausible.
      smtp: { host: imap.host, port: smtpPort, username: imap.user, password: imap.password },
      imap: { host: imap.host, port: imap.imapPort, username: imap.user, password: imap.password },
      // A demo shows every first email at once rather than one a minute.
      minSpacingSeconds: 0,
      dailyLimit: 500,
    });
    log(`demo mailbox created (${created.id})`);
    return created.id;
  }
  const moved = existing.smtp.host !== imap.host || existing.smtp.port !== smtpPort
    || existing.imap.host !== imap.host || existing.imap.port !== imap.imapPort;
  if (moved) {
    const dataSource = await createDataSource(databaseUrl, { poolSize: 1, applicationName: 'relance-launcher' }).initialize();
    try {
      await new MailboxRepository(dataSource).moveServers(existing.id, {
        smtpHost: imap.host, smtpPort, imapHost: imap.host, imapPort: imap.imapPort,
      });
    } finally {
      await dataSource.destroy();
    }
    log(`demo mailbox ${existing.id}: a port it used was taken: now SMTP ${smtpPort} and IMAP ${imap.imapPort}`);
  }
  return existing.id;
}
