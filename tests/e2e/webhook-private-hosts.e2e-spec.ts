import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/api-client';
import { startRelanceStack, type RelanceStack } from '../support/relance-stack';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

/**
 * The URL is judged again before every POST: an endpoint saved while its host was allowed (here
 * the API allows private hosts and the worker does not, as if its DNS had turned private since)
 * gets no request; the refusal is recorded as the attempt and not retried.
 */
describe('webhook delivery to a host that became private', () => {
  let stack: RelanceStack;
  let receiver: WebhookReceiver;

  before(async () => {
    receiver = await startWebhookReceiver();
    stack = await startRelanceStack({ workerEnv: { MAIL_PRIVATE_HOSTS: 'deny' }, env: { WEBHOOK_RETRY_INITIAL: '100ms', WEBHOOK_RETRY_FOR: '30s' } });
  });

  after(async () => {
    await stack?.stop();
    await receiver?.stop();
  });

  it('refuses at delivery time, records why, and fails the delivery at once', async () => {
    const { api } = await stack.newAccount(`Private ${randomUUID().slice(0, 8)}`);
    const created = await api.post('/v1/webhook-endpoints', { url: receiver.url('/inside'), events: ['privacy_request.done'] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    receiver.route('/inside', { kind: 'ok' }, created.body.secret);
    const prospect = await api.post('/v1/prospects', { email: 'inside@hooks.test' });
    assert.equal((await api.post(`/v1/prospects/${prospect.body.id}/privacy-requests`, { type: 'restriction' })).status, 202);

    const started = Date.now();
    const [delivery] = await eventually('the delivery failed', async () => {
      const data = (await api.get(`/v1/webhook-endpoints/${created.body.id}/deliveries`)).body.data as any[];
      return data.length === 1 && data[0].status === 'failed' ? data : undefined;
    }, 20_000);
    assert.ok(Date.now() - started < 30_000 - 5_000, 'not retried until its time ran out');
    const { attempts } = (await api.get(`/v1/webhook-deliveries/${delivery.id}`)).body;
    assert.equal(attempts.length, 1);
    assert.equal(attempts[0].statusCode, null);
    assert.match(attempts[0].error, /127\.0\.0\.1 is on this machine or a private network.*MAIL_PRIVATE_HOSTS=allow/);
    assert.equal(receiver.received('/inside').length, 0, 'no request reached the receiver');
  });
});
