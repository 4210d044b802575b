import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { appendMessage } from '@relance/mail';
import { enrollmentWorkflowId } from '@relance/temporal';
import { WEBHOOK_EVENT_TYPES } from '@relance/webhooks';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { ApiClient, eventually } from '../support/api-client';
import { launchSequence, type LaunchedSequence } from '../support/launched-sequence';
import { rawDeliveryReport } from '../support/raw-dsn';
import { rawMail } from '../support/raw-mail';
import { startRelanceStack, type RelanceStack } from '../support/relance-stack';
import { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from '../support/webhook-receiver';

/**
 * Each event type comes from the real flow that records it: an import, a privacy request filed
 * for a prospect, and a sequence whose prospects answer with an auto-reply, bounce, or follow the
 * unsubscribe link (the reply and finished sequences: webhooks.e2e-spec). One endpoint subscribed
 * to every type, on a loopback receiver that checks each signature.
 */
describe('webhook events from the real flows', () => {
  let stack: RelanceStack;
  let receiver: WebhookReceiver;
  let api: ApiClient;
  let accountId: string;
  let apiKey: string;
  let sequence: LaunchedSequence | undefined;

  before(async () => {
    receiver = await startWebhookReceiver();
    stack = await startRelanceStack();
    ({ api, accountId, apiKey } = await stack.newAccount(`Events ${randomUUID().slice(0, 8)}`));
    await subscribeAll(api, '/all');
  });

  async function subscribeAll(client: ApiClient, path: string): Promise<void> {
    const created = await client.post('/v1/webhook-endpoints', { url: receiver.url(path), events: [...WEBHOOK_EVENT_TYPES] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    receiver.route(path, { kind: 'ok' }, created.body.secret);
  }

  after(async () => {
    await sequence?.stopSync();
    // The away prospect's sequence waits on: end it, or a later suite's worker inherits it.
    for (const id of Object.values(sequence?.enrollmentIds ?? {})) {
      await stack.temporal.client.workflow.getHandle(enrollmentWorkflowId(id)).terminate('test over').catch(() => undefined);
    }
    await stack?.stop();
    await receiver?.stop();
    if (stack) await rm(resolve(stack.config.imports.dir, accountId), { recursive: true, force: true });
  });

  const eventOf = (type: string, match: (data: any) => boolean = () => true, path = '/all') =>
    eventually(`a ${type} event`, async () => receiver.received(path).find((r) => r.json?.type === type && match(r.json.data)), 20_000);
  const signed = (event: ReceivedWebhook) => assert.ok(event.signatureValid, `${event.json.type}: signature`);

  it('import.finished: a CSV import completed, with its counts', async () => {
    const form = new FormData();
    form.append('file', new Blob(['email,first_name\nimported@hooks.test,Ida\nnot-an-address,Bob\n']), 'hooks.csv');
    const uploaded = await fetch(`${stack.apiUrl}/v1/imports`, { method: 'POST', body: form, headers: { authorization: `Bearer ${apiKey}` } });
    const upload = (await uploaded.json()) as any;
    assert.equal(uploaded.status, 201, JSON.stringify(upload));
    assert.equal((await api.post(`/v1/imports/${upload.id}/start`, {})).status, 202);
    const event = await eventOf('import.finished', (data) => data.importId === upload.id);
    signed(event);
    assert.deepEqual(
      [event.json.data.status, event.json.data.imported, event.json.data.refused, event.json.data.totalRows],
      ['completed', 1, 1, 2],
    );
  });

  it('privacy_request.done: a restriction filed for a prospect completed (ids only)', async () => {
    const prospect = await api.post('/v1/prospects', { email: 'restricted@hooks.test', firstName: 'Rita' });
    assert.equal(prospect.status, 201, JSON.stringify(prospect.body));
    const filed = await api.post(`/v1/prospects/${prospect.body.id}/privacy-requests`, { type: 'restriction' });
    assert.equal(filed.status, 202, JSON.stringify(filed.body));
    const event = await eventOf('privacy_request.done', (data) => data.requestId === filed.body.id);
    signed(event);
    assert.deepEqual(
      [event.json.data.type, event.json.data.status, event.json.data.prospectId],
      ['restriction', 'completed', prospect.body.id],
    );
    assert.ok(!JSON.stringify(event.json).includes('restricted@hooks.test'), 'names nobody');
  });

  it('prospect.auto_replied, prospect.bounced and prospect.unsubscribed from a running sequence', async () => {
    // An account of its own: a launch enrolls every prospect of the account.
    const seller = await stack.newAccount(`Sequence ${randomUUID().slice(0, 8)}`);
    await subscribeAll(seller.api, '/sequence');
    const people = { away: 'away@hooks.test', gone: 'gone@hooks.test', leaver: 'leaver@hooks.test' };
    sequence = await launchSequence(stack, seller.api, {
      rep: 2, emails: Object.values(people),
      steps: [{ type: 'email', subject: 'Hello', body: 'First' }, { type: 'wait', amount: 1, unit: 'hours' }, { type: 'email', body: 'Second' }],
    });
    const rep = imapUser(2);
    const { imap } = testEnv();
    const imapSettings = { host: imap.host, port: imap.port, secure: false, username: rep.user, password: rep.password };
    const firstTo = (email: string) => stack.smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
    const [awayFirst, goneFirst, leaverFirst] = await Promise.all([firstTo(people.away), firstTo(people.gone), firstTo(people.leaver)]);

    await appendMessage(imapSettings, 'INBOX', rawMail({
      from: `Away <${people.away}>`, to: rep.user, subject: `Automatic reply: ${awayFirst.subject}`,
      text: 'I am out of the office and will answer when I am back.', inReplyTo: awayFirst.messageId, references: [awayFirst.messageId!],
      extraHeaders: { 'Auto-Submitted': 'auto-replied' },
    }), { network: LOOPBACK_MAIL });
    await appendMessage(imapSettings, 'INBOX', rawDeliveryReport({
      to: rep.user, recipient: people.gone, action: 'failed', status: '5.1.1',
      diagnostic: `550 5.1.1 <${people.gone}>: Recipient address rejected: User unknown`, original: goneFirst.raw, returned: 'message',
    }), { network: LOOPBACK_MAIL });
    const link = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(leaverFirst.raw.toString('utf8').replace(/\r\n[ \t]+/g, ' '))?.[1];
    assert.ok(link, 'the email has a List-Unsubscribe link');
    const clicked = await fetch(`${stack.apiUrl}${new URL(link).pathname}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click', redirect: 'manual',
    });
    assert.ok(clicked.status < 400, `unsubscribe answered ${clicked.status}`);

    const prospectIdOf = async (email: string) => (await stack.dataSource.query(
      `SELECT prospect_id FROM enrollments WHERE id = $1`, [sequence!.enrollmentIds[email]],
    ))[0].prospect_id as string;
    const away = await eventOf('prospect.auto_replied', undefined, '/sequence');
    const gone = await eventOf('prospect.bounced', undefined, '/sequence');
    const leaver = await eventOf('prospect.unsubscribed', undefined, '/sequence');
    for (const event of [away, gone, leaver]) signed(event);
    assert.deepEqual([away.json.data.email, away.json.data.prospectId], [people.away, await prospectIdOf(people.away)]);
    assert.deepEqual([gone.json.data.email, gone.json.data.bounceReason], [people.gone, 'user_unknown']);
    assert.deepEqual([leaver.json.data.email, leaver.json.data.campaignId], [people.leaver, sequence.campaignId]);
    // The unsubscribe page answered again later tells nobody twice.
    await fetch(`${stack.apiUrl}${new URL(link).pathname}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click', redirect: 'manual' });
    const deliveries: { n: number }[] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE account_id = $1 AND event_type = 'prospect.unsubscribed'`, [seller.accountId],
    );
    assert.equal(deliveries[0].n, 1);
  });
});
