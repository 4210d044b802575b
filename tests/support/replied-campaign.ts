import assert from 'node:assert/strict';
import { appendMessage } from '@relance/mail';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { ApiClient, eventually } from './api-client';
import { rawMail } from './raw-mail';
import type { RelanceStack } from './relance-stack';

export const PEOPLE = { A: 'ann@stats.test', B: 'ben@stats.test', C: 'cid@stats.test' } as const;
export type Person = keyof typeof PEOPLE;

export interface RepliedCampaign {
  mailboxId: string;
  campaignId: string;
  stepIds: string[];
  prospectIds: Record<Person, string>;
  /** Message row ids by person and email number: messages.A[0] is Ann's first email. */
  messages: Record<Person, string[]>;
}

/**
 * Through the API and the real stack: two emails three seconds apart to Ann, Ben and Cid; Ben
 * answers the first from his mail client (an APPEND to the rep's INBOX with In-Reply-To), whose
 * clock is a minute behind: its Date header is earlier than the email it answers.
 * Resolves once Ben's enrollment is replied and the others' completed.
 */
export async function runRepliedCampaign(stack: RelanceStack, api: ApiClient, rep: number): Promise<RepliedCampaign> {
  const mailUser = imapUser(rep);
  const { imap } = testEnv();
  const mailbox = await api.post('/v1/mailboxes', {
    email: mailUser.user,
    displayName: 'Rita Rep',
    minSpacingSeconds: 0,
    smtp: { host: stack.smtp.host, port: stack.smtp.port, secure: false, username: mailUser.user, password: 'smtp-secret' },
    imap: { host: imap.host, port: imap.port, secure: false, username: mailUser.user, password: mailUser.password },
  });
  assert.equal(mailbox.status, 201, JSON.stringify(mailbox.body));
  const prospectIds = {} as Record<Person, string>;
  for (const [name, email] of Object.entries(PEOPLE) as [Person, string][]) {
    const created = await api.post('/v1/prospects', { email, firstName: name });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    prospectIds[name] = created.body.id;
  }
  const campaign = await api.post('/v1/campaigns', {
    name: 'Stats',
    mailboxId: mailbox.body.id,
    steps: [
      { type: 'email', subject: 'Question for {{ firstName }}', body: 'Hi {{ firstName }}, shall we talk?' },
      { type: 'wait', amount: 3, unit: 'seconds' },
      { type: 'email', body: 'Following up, {{ firstName }}.' },
    ],
  });
  assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
  const campaignId: string = campaign.body.id;
  assert.equal((await api.post(`/v1/campaigns/${campaignId}/launch`, { all: true })).status, 202);

  const bensFirst = await stack.smtp.waitFor((m) => m.envelope.to.includes(PEOPLE.B), 20_000);
  await appendMessage(
    { host: imap.host, port: imap.port, secure: false, username: mailUser.user, password: mailUser.password },
    'INBOX',
    rawMail({
      from: `Ben <${PEOPLE.B}>`,
      to: mailUser.user,
      subject: `Re: ${bensFirst.subject}`,
      text: `Yes, call me.\n\n> Hi B, shall we talk?`,
      inReplyTo: bensFirst.messageId,
      references: [bensFirst.messageId!],
      date: new Date(Date.now() - 60_000),
    }),
    { network: LOOPBACK_MAIL },
  );
  const expected: Record<Person, string> = { A: 'completed', B: 'replied', C: 'completed' };
  await eventually('Ben replied, Ann and Cid completed', async () => {
    const list = (await api.get(`/v1/campaigns/${campaignId}/enrollments`)).body.data as any[];
    const done = list.length === 3 && list.every((e) => e.status === expected[personOf(prospectIds, e.prospectId)]);
    return done ? list : undefined;
  }, 40_000);

  const rows: { id: string; prospect_id: string }[] = await stack.dataSource.query(
    `SELECT m.id, e.prospect_id FROM messages m JOIN enrollments e ON e.id = m.enrollment_id
     JOIN steps s ON s.id = m.step_id WHERE e.campaign_id = $1 ORDER BY s.position`,
    [campaignId],
  );
  const messages: Record<Person, string[]> = { A: [], B: [], C: [] };
  for (const row of rows) messages[personOf(prospectIds, row.prospect_id)].push(row.id);
  const stepIds = (campaign.body.steps as { id: string; type: string }[]).filter((s) => s.type === 'email').map((s) => s.id);
  return { mailboxId: mailbox.body.id, campaignId, stepIds, prospectIds, messages };
}

function personOf(prospectIds: Record<Person, string>, prospectId: string): Person {
  return (Object.keys(prospectIds) as Person[]).find((name) => prospectIds[name] === prospectId)!;
}
