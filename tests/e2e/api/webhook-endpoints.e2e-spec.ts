import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TestAccount, TestApi } from '../../support/test-api';

/** A public address as a literal: no DNS is asked, and the deny policy lets it through. */
const PUBLIC_URL = 'https://93.184.216.34/relance-hooks';

/**
 * The webhook endpoint and REST hook routes against the real API and PostgreSQL, with private
 * hosts denied as in production (the runner's MAIL_PRIVATE_HOSTS=allow overridden for this API).
 */
describe('webhook endpoint routes', () => {
  let api: TestApi;
  let account: TestAccount;
  let other: TestAccount;

  before(async () => {
    api = await TestApi.start((config) => ({ ...config, mail: { ...config.mail, allowPrivateHosts: false } }));
    account = await api.newAccount('webhooks');
    other = await api.newAccount('webhooks-other');
  });

  after(async () => {
    await api?.close();
  });

  const create = (body: Record<string, unknown> = {}) =>
    account.call('POST', '/v1/webhook-endpoints', { url: PUBLIC_URL, events: ['prospect.replied'], ...body });

  it('needs an API key on every route', async () => {
    const id = randomUUID();
    for (const [method, path] of [
      ['POST', '/v1/webhook-endpoints'], ['GET', '/v1/webhook-endpoints'], ['GET', `/v1/webhook-endpoints/${id}`],
      ['PATCH', `/v1/webhook-endpoints/${id}`], ['DELETE', `/v1/webhook-endpoints/${id}`], ['POST', `/v1/webhook-endpoints/${id}/rotate-secret`],
      ['GET', `/v1/webhook-endpoints/${id}/deliveries`], ['GET', `/v1/webhook-deliveries/${id}`], ['POST', `/v1/webhook-deliveries/${id}/retry`],
      ['POST', '/v1/hooks'], ['DELETE', `/v1/hooks/${id}`],
    ]) {
      const res = await api.request(method, path, { body: ['POST', 'PATCH'].includes(method) ? {} : undefined });
      assert.equal(res.status, 401, `${method} ${path}`);
    }
  });

  it('creates an endpoint whose secret is shown once and kept sealed', async () => {
    const created = await create({ description: 'CRM', events: ['prospect.replied', 'prospect.bounced'] });
    assert.equal(created.status, 201, created.text);
    const { secret, ...endpoint } = created.body;
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{32}$/);
    assert.deepEqual(
      [endpoint.kind, endpoint.url, endpoint.events, endpoint.description, endpoint.enabled, endpoint.consecutiveFailures],
      ['endpoint', PUBLIC_URL, ['prospect.replied', 'prospect.bounced'], 'CRM', true, 0],
    );
    const read = await account.call('GET', `/v1/webhook-endpoints/${endpoint.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.secret, undefined, 'never shown again');
    const [row] = await api.dataSource.query(`SELECT to_jsonb(w)::text AS row FROM webhook_endpoints w WHERE id = $1`, [endpoint.id]);
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    assert.ok(!row.row.includes(secret.slice(6)) && !row.row.includes(key.toString('hex')), 'no column holds the secret in clear');

    const rotated = await account.call('POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`);
    assert.equal(rotated.status, 200, rotated.text);
    assert.match(rotated.body.secret, /^whsec_/);
    assert.notEqual(rotated.body.secret, secret);
  });

  it('changes, pages, and removes endpoints', async () => {
    const first = (await create()).body.id;
    const second = (await create({ events: ['import.finished'] })).body.id;
    const changed = await account.call('PATCH', `/v1/webhook-endpoints/${first}`, { events: ['enrollment.finished'], description: null, enabled: false });
    assert.equal(changed.status, 200, changed.text);
    assert.deepEqual([changed.body.events, changed.body.description, changed.body.enabled], [['enrollment.finished'], null, false]);
    const page = await account.call('GET', '/v1/webhook-endpoints?limit=1');
    assert.equal(page.status, 200);
    assert.deepEqual(page.body.data.map((e: any) => e.id), [second], 'newest first');
    assert.ok(page.body.nextCursor);
    const next = await account.call('GET', `/v1/webhook-endpoints?limit=1&after=${page.body.nextCursor}`);
    assert.deepEqual(next.body.data.map((e: any) => e.id), [first]);
    assert.equal((await account.call('GET', `/v1/webhook-endpoints?after=${randomUUID()}`)).status, 400, 'a stale cursor');
    const deliveries = await account.call('GET', `/v1/webhook-endpoints/${first}/deliveries`);
    assert.deepEqual([deliveries.status, deliveries.body.data, deliveries.body.nextCursor], [200, [], null]);
    assert.equal((await account.call('DELETE', `/v1/webhook-endpoints/${first}`)).status, 204);
    assert.equal((await account.call('GET', `/v1/webhook-endpoints/${first}`)).status, 404);
    assert.equal((await account.call('DELETE', `/v1/webhook-endpoints/${first}`)).status, 404);
  });

  it('refuses unknown events and bad URLs, naming the field', async () => {
    const unknown = await create({ events: ['prospect.replied', 'prospect.teleported'] });
    assert.equal(unknown.status, 400, unknown.text);
    assert.match(JSON.stringify(unknown.body.error), /events/);
    assert.equal((await create({ events: [] })).status, 400);
    const notUrl = await create({ url: 'mailto:someone' });
    assert.deepEqual([notUrl.status, notUrl.body.error.field], [400, 'url']);
  });

  it('refuses URLs on this machine or a private network (MAIL_PRIVATE_HOSTS denied), at creation and on change', async () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'https://10.0.0.8/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest/meta-data']) {
      const refused = await create({ url });
      assert.equal(refused.status, 422, `${url}: ${refused.text}`);
      assert.equal(refused.body.error.code, 'webhook_url_refused');
      assert.match(refused.body.error.message, /on this machine or a private network/);
    }
    const id = (await create()).body.id;
    const moved = await account.call('PATCH', `/v1/webhook-endpoints/${id}`, { url: 'http://192.168.1.20/hook' });
    assert.deepEqual([moved.status, moved.body.error.code], [422, 'webhook_url_refused']);
    assert.equal((await account.call('GET', `/v1/webhook-endpoints/${id}`)).body.url, PUBLIC_URL, 'nothing changed');
    const hook = await account.call('POST', '/v1/hooks', { target_url: 'http://127.0.0.1/zap', event: 'prospect.replied' });
    assert.deepEqual([hook.status, hook.body.error.field], [422, 'target_url']);
  });

  it('keeps each account\'s endpoints and deliveries to itself', async () => {
    const id = (await create()).body.id;
    for (const [method, path] of [['GET', `/v1/webhook-endpoints/${id}`], ['PATCH', `/v1/webhook-endpoints/${id}`],
      ['POST', `/v1/webhook-endpoints/${id}/rotate-secret`], ['GET', `/v1/webhook-endpoints/${id}/deliveries`], ['DELETE', `/v1/webhook-endpoints/${id}`]]) {
      const res = await other.call(method, path, method === 'PATCH' ? { enabled: false } : undefined);
      assert.equal(res.status, 404, `${method} ${path}`);
    }
    assert.ok(!(await other.call('GET', '/v1/webhook-endpoints')).body.data.some((e: any) => e.id === id));
    assert.equal((await account.call('GET', `/v1/webhook-deliveries/${randomUUID()}`)).status, 404);
  });

  it('subscribes and unsubscribes Zapier REST hooks', async () => {
    const hook = await account.call('POST', '/v1/hooks', { target_url: `${PUBLIC_URL}/zap`, event: 'prospect.replied' });
    assert.equal(hook.status, 201, hook.text);
    assert.deepEqual(hook.body, { id: hook.body.id, target_url: `${PUBLIC_URL}/zap`, event: 'prospect.replied' });
    const listed = (await account.call('GET', '/v1/webhook-endpoints?limit=200')).body.data.find((e: any) => e.id === hook.body.id);
    assert.deepEqual([listed.kind, listed.events], ['rest_hook', ['prospect.replied']]);
    assert.equal((await account.call('POST', '/v1/hooks', { target_url: PUBLIC_URL, event: 'everything' })).status, 400);
    assert.equal((await other.call('DELETE', `/v1/hooks/${hook.body.id}`)).status, 404);
    assert.equal((await account.call('DELETE', `/v1/hooks/${hook.body.id}`)).status, 204);
    assert.equal((await account.call('DELETE', `/v1/hooks/${hook.body.id}`)).status, 404);
    const plain = (await create()).body.id;
    assert.equal((await account.call('DELETE', `/v1/hooks/${plain}`)).status, 404, 'an endpoint is not a REST hook');
  });

  it('documents every route with a summary, its errors and examples', async () => {
    const document = (await api.request('GET', '/docs-json')).body;
    const routes = Object.entries<any>(document.paths).filter(([path]) => /^\/v1\/(webhook-|hooks)/.test(path));
    assert.equal(routes.flatMap(([, item]) => Object.keys(item)).length, 11);
    for (const [path, item] of routes) {
      for (const [method, operation] of Object.entries<any>(item)) {
        assert.ok(operation.summary, `${method} ${path}: summary`);
        assert.ok(operation.responses['401'], `${method} ${path}: 401`);
        assert.ok(operation.security?.length, `${method} ${path}: bearer auth`);
        for (const parameter of operation.parameters ?? []) assert.ok(parameter.example ?? parameter.schema?.example ?? parameter.in === 'query', `${method} ${path}: ${parameter.name} example`);
      }
    }
    const schema = document.components.schemas.CreateWebhookEndpointDto;
    for (const [name, property] of Object.entries<any>(schema.properties)) assert.ok(property.example !== undefined, `CreateWebhookEndpointDto.${name} example`);
  });
});
