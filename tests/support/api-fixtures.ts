import { imapUser, testEnv } from '../harness/env';
import type { SmtpCapture } from '../harness/smtp-capture';
import type { TestAccount } from './test-api';

/**
 * A mailbox body whose servers answer: SMTP on the capture server (any login), IMAP on the
 * runner's Dovecot as rep<n>. The IMAP password is left out: it defaults to the SMTP one.
 */
export function mailboxBody(smtp: SmtpCapture, rep = 1, overrides: Record<string, unknown> = {}) {
  const user = imapUser(rep);
  return {
    email: user.user,
    displayName: `Rep ${rep}`,
    smtp: { host: smtp.host, port: smtp.port, secure: false, username: user.user, password: user.password },
    imap: { host: testEnv().imap.host, port: testEnv().imap.port, secure: false, username: user.user },
    timeZone: 'Europe/Paris',
    ...overrides,
  };
}

export async function createMailbox(account: TestAccount, smtp: SmtpCapture, rep = 1): Promise<string> {
  const res = await account.call('POST', '/v1/mailboxes', mailboxBody(smtp, rep));
  if (res.status !== 201) throw new Error(`mailbox creation failed: ${res.status} ${res.text}`);
  return res.body.id;
}

export const SEQUENCE = [
  { type: 'email', subject: 'Hello {{ firstName | default: "there" }}', body: 'Hi {{ firstName }}, a question about {{ company }}.' },
  { type: 'wait', amount: 2, unit: 'days' },
  { type: 'email', body: 'Following up, {{ custom.role | default: "friend" }}.' },
];

export async function createCampaign(account: TestAccount, mailboxId: string, steps: unknown[] = SEQUENCE): Promise<string> {
  const res = await account.call('POST', '/v1/campaigns', { name: 'Outreach', mailboxId, steps });
  if (res.status !== 201) throw new Error(`campaign creation failed: ${res.status} ${res.text}`);
  return res.body.id;
}

export async function createProspect(account: TestAccount, email: string): Promise<string> {
  const res = await account.call('POST', '/v1/prospects', { email, firstName: 'Ada' });
  if (res.status !== 201) throw new Error(`prospect creation failed: ${res.status} ${res.text}`);
  return res.body.id;
}
