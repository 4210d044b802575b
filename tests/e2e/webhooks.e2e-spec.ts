import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { mailboxSyncWorkflowId } from '@relance/temporal';
import { startSmtpCapture, type SmtpCapture } from '../harness/smtp-capture';
import { ApiClient, eventually } from '../support/api-client';
import { PEOPLE, runRepliedCampaign, type RepliedCampaign } from '../support/replied-campaign';
import { startRelanceStack, type RelanceStack } from '../support/relance-stack';
import { startWebhookReceiver, type ReceiverBehaviour, type WebhookReceiver } from '../support/webhook-receiver';

/** Short enough for a test: 1 s per POST, retries 100 ms then doubling up to 400 ms apart, for 4 s; disabled after 2 failed deliveries. */
const ENV = {
  WEBHOOK_ATTEMPT_TIMEOUT: '1s', WEBHOOK_RETRY_INITIAL: '100ms', WEBHOOK_RETRY_MAX_INTERVAL: '400ms', WEBHOOK_RETRY_FOR: '4s',
  WEBHOOK_DISABLE_AFTER: '2',
};

/**
 * Outbound webhooks through the real stack: a campaign whose prospect replies (IMAP APPEND to
 * Dovecot) and whose other sequences complete, posted to loopback receivers that verify each
 * signature themselves: one healthy, one failing twice, one that never answers, and a REST hook
 * whose target answers 410.
 */
describe('webhook deliveries', () => {
  let stack: RelanceStack;
  let systemMail: SmtpCapture;
  let receiver: WebhookReceiver;
  let campaign: RepliedCampaign | undefined;

  before(async () => {
    systemMail = await startSmtpCapture();
    receiver = await startWebhookReceiver();
    stack = await startRelanceStack({ env: { ...ENV, SYSTEM_MAIL_SMTP_URL: `smtp://${systemMail.host}:${systemMail.port}` } });
  });

  after(async () => {
    if (campaign) await stack.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(campaign.mailboxId)).terminate('test over').catch(() => undefined);
    await stack?.stop();
    await receiver?.stop();
    await systemMail?.stop();
  });

  async function endpoint(api: ApiClient, path: string, behaviour: ReceiverBehaviour, events: string[]): Promise<string> {
    const created = await api.post('/v1/webhook-endpoints', { url: receiver.url(path), events, description: path });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.secret, /^whsec_[A-Za-z0-9+/=]{32,}$/);
    receiver.route(path, behaviour, created.body.secret);
    return created.body.id;
  }
  const deliveriesOf = async (api: ApiClient, endpointId: string) => {
    const page = await api.get(`/v1/webhook-endpoints/${endpointId}/deliveries`);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    return page.body.data as any[];
  };
  const withAttempts = async (api: ApiClient, deliveryId: string) => (await api.get(`/v1/webhook-deliveries/${deliveryId}`)).body;

  it('posts each event, signed, to every subscriber; retries failures; a hanging receiver holds up nobody; 410 unsubscribes a REST hook', async () => {
    const name = `Hooks ${randomUUID().slice(0, 8)}`;
    const { api } = await stack.newAccount(name);
    const healthy = await endpoint(api, '/healthy', { kind: 'ok' }, ['prospect.replied', 'enrollment.finished', 'prospect.bounced']);
    const flaky = await endpoint(api, '/flaky', { kind: 'fail_then_ok', times: 2, status: 500 }, ['prospect.replied']);
    const hanging = await endpoint(api, '/hanging', { kind: 'hang' }, ['enrollment.finished']);
    const hook = await api.post('/v1/hooks', { target_url: receiver.url('/gone'), event: 'prospect.replied' });
    assert.equal(hook.status, 201, JSON.stringify(hook.body));
    assert.deepEqual(Object.keys(hook.body).sort(), ['event', 'id', 'target_url']);
    receiver.route('/gone', { kind: 'status', status: 410 });

    campaign = await runRepliedCampaign(stack, api, 3);

    // The healthy receiver has Ben's reply and Ann's and Cid's finished sequences while the hanging one still holds its first attempts.
    const got = await eventually('the healthy receiver got 3 events', async () => {
      const seen = receiver.received('/healthy');
      return seen.length >= 3 ? seen : undefined;
    }, 20_000);
    const hangingNow = await deliveriesOf(api, hanging);
    assert.equal(hangingNow.length, 2);
    assert.ok(hangingNow.every((d) => d.status === 'pending'), JSON.stringify(hangingNow));
    assert.equal(got.length, 3);
    assert.ok(got.every((r) => r.signatureValid), 'every signature verifies with the endpoint\'s secret');
    const replied = got.find((r) => r.json.type === 'prospect.replied')!;
    assert.equal(replied.json.data.prospectId, campaign.prospectIds.B);
    assert.equal(replied.json.data.email, PEOPLE.B);
    assert.equal(replied.json.data.campaignId, campaign.campaignId);
    assert.ok(!Number.isNaN(Date.parse(replied.json.timestamp)));
    const finished = got.filter((r) => r.json.type === 'enrollment.finished').map((r) => r.json.data);
    assert.deepEqual(finished.map((d) => d.prospectId).sort(), [campaign.prospectIds.A, campaign.prospectIds.C].sort());
    assert.ok(finished.every((d) => d.status === 'completed'));
    // The webhook-id header is the delivery's id, readable with its attempts.
    const delivered = await withAttempts(api, String(replied.headers['webhook-id']));
    assert.deepEqual([delivered.status, delivered.eventType, delivered.attempts.length], ['succeeded', 'prospect.replied', 1]);
    assert.equal(delivered.attempts[0].statusCode, 200);
    assert.deepEqual(delivered.payload, replied.json);

    // The flaky receiver failed twice, then took it: three attempts recorded, with what it answered.
    const flakyDelivery = await eventually('the flaky delivery succeeded', async () => {
      const [delivery] = await deliveriesOf(api, flaky);
      return delivery?.status === 'succeeded' ? delivery : undefined;
    }, 10_000);
    const attempts = (await withAttempts(api, flakyDelivery.id)).attempts as any[];
    assert.deepEqual(attempts.map((a) => a.statusCode), [500, 500, 200]);
    assert.equal(attempts[0].responseSnippet, '{"received":false}');
    assert.ok(receiver.received('/flaky').every((r) => r.signatureValid));
    assert.equal(new Set(receiver.received('/flaky').map((r) => r.headers['webhook-id'])).size, 1, 'one id across retries');

    // The REST hook's target said 410 Gone: it is unsubscribed.
    await eventually('the REST hook is gone', async () =>
      (await api.get(`/v1/webhook-endpoints/${hook.body.id}`)).status === 404 ? true : undefined, 10_000);
    assert.equal(receiver.received('/gone').length, 1);
    assert.ok(receiver.received('/gone')[0].headers['webhook-signature'], 'a REST hook is signed too');

    // The hanging receiver: every attempt cut off after 1 s, both deliveries failed, the endpoint disabled, its owner told.
    const notice = await systemMail.waitFor((m) => m.to.includes(`owner@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.test`), 20_000);
    assert.match(notice.subject ?? '', /webhook endpoint was disabled/);
    assert.match(notice.text ?? '', new RegExp(`${hanging}[\\s\\S]*PATCH /v1/webhook-endpoints/${hanging}`));
    const disabled = (await api.get(`/v1/webhook-endpoints/${hanging}`)).body;
    assert.deepEqual([disabled.enabled, disabled.consecutiveFailures, disabled.disabledReason], [false, 2, '2 deliveries in a row failed']);
    const failed = await deliveriesOf(api, hanging);
    assert.deepEqual(failed.map((d) => d.status), ['failed', 'failed']);
    const cutOff = (await withAttempts(api, failed[0].id)).attempts as any[];
    assert.ok(cutOff.length >= 2, `retried (${cutOff.length} attempts)`);
    assert.ok(cutOff.every((a) => a.statusCode === null && /no answer within 1000 ms/.test(a.error)), JSON.stringify(cutOff));

    // Enabled again by the customer, then a manual retry of a failed delivery goes through.
    const enabled = await api.request('PATCH', `/v1/webhook-endpoints/${hanging}`, { enabled: true });
    assert.deepEqual([enabled.status, enabled.body.enabled, enabled.body.consecutiveFailures, enabled.body.disabledReason], [200, true, 0, null]);
    receiver.route('/hanging', { kind: 'ok' });
    const retried = await api.post(`/v1/webhook-deliveries/${failed[0].id}/retry`);
    assert.equal(retried.status, 202, JSON.stringify(retried.body));
    await eventually('the retried delivery succeeded', async () =>
      (await withAttempts(api, failed[0].id)).status === 'succeeded' ? true : undefined, 10_000);
    assert.ok(receiver.received('/hanging').at(-1)!.signatureValid);
  });
});

