import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mailboxSyncWorkflowId } from '@relance/temporal';
import { imapUser, testEnv } from '../harness/env';
import type { CapturedMessage } from '../harness/smtp-capture';
import { ApiClient, eventually } from '../support/api-client';
import { legacyToken } from '../support/legacy-token';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/** Where links in emails point; the requests go to the stack's own port with the same path. */
const PUBLIC_URL = 'https://relance.example.test';

/**
 * Nothing after a stop, through the real stack: the List-Unsubscribe link of the first
 * email (one-click, RFC 8058) ends the sequence before its second email, and a domain on
 * the suppression list receives nothing at all.
 */
describe('unsubscribe and suppression', () => {
  let stack: RelanceStack;
  const mailboxIds: string[] = [];

  before(async () => {
    stack = await startRelanceStack({ env: { API_PUBLIC_URL: PUBLIC_URL } });
  });

  after(async () => {
    for (const id of mailboxIds) {
      await stack.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(id)).terminate('test over').catch(() => undefined);
    }
    await stack?.stop();
  });

  async function setUp(api: ApiClient, userNumber: number, emails: string[], steps: unknown[]) {
    const rep = imapUser(userNumber);
    const { imap } = testEnv();
    const mailbox = await api.post('/v1/mailboxes', {
      minSpacingSeconds: 0, // tests send back to back
      email: rep.user,
      smtp: { host: stack.smtp.host, port: stack.smtp.port, username: rep.user, password: 'smtp-secret' },
      imap: { host: imap.host, port: imap.port, username: rep.user, password: rep.password },
    });
    assert.equal(mailbox.status, 201, JSON.stringify(mailbox.body));
    mailboxIds.push(mailbox.body.id);
    const prospectIds: string[] = [];
    for (const email of emails) {
      const created = await api.post('/v1/prospects', { email });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      prospectIds.push(created.body.id);
    }
    const campaign = await api.post('/v1/campaigns', { name: 'Unsubscribe', mailboxId: mailbox.body.id, steps });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    const launch = await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true });
    assert.equal(launch.status, 202, JSON.stringify(launch.body));
    return { campaignId: campaign.body.id as string, prospectIds };
  }

  const enrollmentOf = async (api: ApiClient, campaignId: string, prospectId: string) => {
    const list = await api.get(`/v1/campaigns/${campaignId}/enrollments`);
    return list.body.data.find((e: { prospectId: string }) => e.prospectId === prospectId);
  };
  const sentTo = (email: string) => stack.smtp.messages.filter((m) => m.envelope.to.includes(email));
  /** The link as sent, made to reach the stack under test. */
  const local = (link: string) => `${stack.apiUrl}${new URL(link).pathname}`;
  const oneClick = (link: string) =>
    fetch(local(link), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    });

  it('one click on the first email\'s link stops the sequence before the second; opening the link alone does not', async () => {
    const { api } = stack;
    const leaver = 'leaver@unsubscribe.test';
    const stayer = 'stayer@unsubscribe.test';
    const { campaignId, prospectIds } = await setUp(api, 1, [leaver, stayer], [
      { type: 'email', subject: 'Hello', body: 'First' },
      { type: 'wait', amount: 4, unit: 'seconds' },
      { type: 'email', body: 'Second' },
    ]);
    const first = await stack.smtp.waitFor((m) => m.envelope.to.includes(leaver), 20_000);
    const headers = headersOf(first);
    assert.equal(headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
    const link = /^<(https?:\/\/[^>]+)>/.exec(headers.get('list-unsubscribe') ?? '')?.[1] ?? '';
    assert.ok(link.startsWith(`${PUBLIC_URL}/u/`), `List-Unsubscribe: ${headers.get('list-unsubscribe')}`);
    const stayerLink = /<([^>]+)>/.exec(headersOf(await stack.smtp.waitFor((m) => m.envelope.to.includes(stayer))).get('list-unsubscribe')!)![1];
    assert.notEqual(stayerLink, link, 'each email has its own link');

    // A mail scanner or a curious click: the page loads, nothing changes.
    const page = await fetch(local(link), { redirect: 'manual' });
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<form method="post">/);
    assert.equal((await enrollmentOf(api, campaignId, prospectIds[0])).status, 'active');
    assert.deepEqual((await api.get(`/v1/suppressions/check?email=${leaver}`)).body, { suppressed: false });

    const click = await oneClick(link);
    assert.equal(click.status, 200, await click.text());
    assert.equal(click.headers.get('location'), null, 'no redirect');

    const leaverEnrollment = await enrollmentOf(api, campaignId, prospectIds[0]);
    assert.deepEqual([leaverEnrollment.status, leaverEnrollment.stopReason], ['stopped', 'unsubscribed']);
    assert.equal((await api.get(`/v1/prospects/${prospectIds[0]}`)).body.status, 'unsubscribed');
    const check = await api.get(`/v1/suppressions/check?email=${encodeURIComponent(leaver.toUpperCase())}`);
    assert.deepEqual([check.body.suppressed, check.body.kind, check.body.reason], [true, 'email', 'unsubscribed']);

    const again = await oneClick(link);
    assert.equal(again.status, 200, 'unsubscribing twice is fine');
    const tracked: { kind: string }[] = await stack.dataSource.query(
      `SELECT t.kind FROM tracking_events t JOIN messages m ON m.id = t.message_id WHERE m.message_id_header = $1`,
      [first.messageId],
    );
    assert.ok(tracked.length > 0 && tracked.every((e) => e.kind === 'unsubscribe'), 'counted for the stats');

    // The workflow ends on the signal, not at its next step: no send is even attempted after it.
    const handle = stack.temporal.client.workflow.getHandle(leaverEnrollment.workflowId);
    assert.equal((await handle.result()).outcome, 'stopped');
    const events = (await handle.fetchHistory()).events ?? [];
    const signalled = events.findIndex((e) => e.workflowExecutionSignaledEventAttributes?.signalName === 'stop');
    assert.ok(signalled >= 0, 'the stop signal reached the workflow');
    const sendsAfter = events.slice(signalled).filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'sendStep');
    assert.equal(sendsAfter.length, 0);

    await eventually('the other prospect to get both emails', async () =>
      (await enrollmentOf(api, campaignId, prospectIds[1]))?.status === 'completed' ? true : undefined, 30_000);
    assert.equal(sentTo(stayer).length, 2);
    assert.equal(sentTo(leaver).length, 1, 'the second email never reaches the person who unsubscribed');

    // A link altered by one character is refused and unsubscribes nobody.
    const altered = stayerLink.slice(0, -1) + (stayerLink.endsWith('A') ? 'B' : 'A');
    const forged = await oneClick(altered);
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /token_invalid/);
    assert.deepEqual((await api.get(`/v1/suppressions/check?email=${stayer}`)).body, { suppressed: false });
  });

  it('still unsubscribes through a link of the format before JWS, as in an email sent last month', async () => {
    const { api } = await stack.newAccount('Before JWS');
    const reader = 'reader@before-jws.test';
    const { prospectIds } = await setUp(api, 3, [reader], [{ type: 'email', subject: 'Hi', body: 'Hello' }]);
    const sent = await stack.smtp.waitFor((m) => m.envelope.to.includes(reader), 20_000);
    const [row] = await stack.dataSource.query(`SELECT id FROM messages WHERE message_id_header = $1`, [sent.messageId]);
    const token = legacyToken(stack.config.tokens.signingKeys, 'unsubscribe', row.id, new Date(Date.now() + 300 * 86_400_000));
    const click = await oneClick(`${PUBLIC_URL}/u/${token}`);
    assert.equal(click.status, 200, await click.text());
    assert.equal((await api.get(`/v1/prospects/${prospectIds[0]}`)).body.status, 'unsubscribed');
    assert.equal((await api.get(`/v1/suppressions/check?email=${reader}`)).body.suppressed, true);
  });

  it('sends nothing to a domain suppressed before launch, subdomains included, and everything to the others', async () => {
    const { api } = await stack.newAccount('Blocklist');
    const added = await api.post('/v1/suppressions', { domain: 'blocked.test' });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    const emails = ['ceo@blocked.test', 'sales@eu.blocked.test', 'open@welcome.test'];
    const { campaignId, prospectIds } = await setUp(api, 2, emails, [{ type: 'email', subject: 'Hi', body: 'Hello' }]);

    const list = await eventually('every enrollment to finish', async () => {
      const enrollments = (await api.get(`/v1/campaigns/${campaignId}/enrollments`)).body.data as any[];
      return enrollments.length === 3 && enrollments.every((e) => e.status !== 'active') ? enrollments : undefined;
    }, 30_000);
    const byProspect = (id: string) => list.find((e) => e.prospectId === id);
    for (const id of prospectIds.slice(0, 2)) {
      assert.deepEqual([byProspect(id).status, byProspect(id).stopReason], ['stopped', 'prospect_suppressed']);
    }
    assert.equal(byProspect(prospectIds[2]).status, 'completed');
    assert.equal(sentTo(emails[0]).length + sentTo(emails[1]).length, 0, 'nobody at the domain got anything');
    assert.equal(sentTo(emails[2]).length, 1);
  });
});

/** The message's header fields as sent (unfolded), by lower-case name. */
function headersOf(message: CapturedMessage): Map<string, string> {
  const raw = message.raw.toString('utf8');
  const block = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const fields = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return fields;
}
