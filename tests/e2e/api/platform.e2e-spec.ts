import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountRepository } from '@relance/db/repositories/account.repository';
import { issueApiKey } from '../../../apps/api/src/auth/bootstrap-account';
import { TestApi, TestAccount } from '../../support/test-api';

/** Authentication, the error envelope, health and the OpenAPI document. */
describe('API platform', () => {
  let api: TestApi;
  let account: TestAccount;

  before(async () => {
    api = await TestApi.start();
    account = await api.newAccount();
  });
  after(() => api?.close());

  describe('API keys', () => {
    it('refuses a request without a key', async () => {
      const res = await api.request('GET', '/v1/prospects');
      assert.equal(res.status, 401);
      assert.deepEqual(res.body, {
        error: { code: 'unauthorized', message: 'Missing API key: send Authorization: Bearer <key>' },
      });
    });

    it('refuses a non-Bearer authorization header', async () => {
      const res = await api.request('GET', '/v1/prospects', { headers: { authorization: `Basic ${account.apiKey}` } });
      assert.equal(res.status, 401);
      assert.equal(res.body.error.message, 'Missing API key: send Authorization: Bearer <key>');
    });

    it('refuses a wrong key, whether well-formed or not', async () => {
      for (const key of ['rl_live_' + 'A'.repeat(32), 'nonsense', account.apiKey + 'x']) {
        const res = await api.request('GET', '/v1/prospects', { key });
        assert.equal(res.status, 401, key);
        assert.deepEqual(res.body, { error: { code: 'unauthorized', message: 'Invalid API key' } });
      }
    });

    it('accepts a valid key, stores only its hash, and records when it was used', async () => {
      assert.match(account.apiKey, /^rl_live_[A-Za-z0-9_-]{32}$/);
      const res = await api.request('GET', '/v1/prospects', { key: account.apiKey });
      assert.equal(res.status, 200);
      const [row] = await api.dataSource.query('SELECT prefix, key_hash, last_used_at FROM api_keys WHERE id = $1', [
        account.apiKeyId,
      ]);
      assert.equal(row.prefix, account.apiKey.slice(0, 12));
      assert.match(row.key_hash, /^[0-9a-f]{64}$/);
      assert.notEqual(row.key_hash, account.apiKey);
      assert.ok(row.last_used_at instanceof Date, 'last_used_at is set');
      assert.ok(Date.now() - row.last_used_at.getTime() < 60_000);
    });

    it('refuses a revoked key while the account\'s other keys keep working', async () => {
      const second = await issueApiKey(api.dataSource, { accountId: account.accountId, name: 'ci' });
      assert.equal((await api.request('GET', '/v1/mailboxes', { key: second.apiKey })).status, 200);
      assert.equal(await new AccountRepository(api.dataSource).revokeApiKey(account.accountId, second.apiKeyId), true);
      const res = await api.request('GET', '/v1/mailboxes', { key: second.apiKey });
      assert.equal(res.status, 401);
      assert.equal(res.body.error.message, 'Invalid API key');
      assert.equal((await api.request('GET', '/v1/mailboxes', { key: account.apiKey })).status, 200);
    });
  });

  describe('errors', () => {
    it('answers an unknown route with a JSON 404', async () => {
      const res = await api.request('GET', '/v1/nothing-here', { key: account.apiKey });
      assert.equal(res.status, 404);
      assert.equal(res.body.error.code, 'not_found');
      assert.equal(typeof res.body.error.message, 'string');
    });

    it('answers malformed JSON with invalid_json', async () => {
      const res = await api.request('POST', '/v1/prospects', { key: account.apiKey, rawBody: '{"email": ' });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body, { error: { code: 'invalid_json', message: 'The request body is not valid JSON' } });
    });

    it('reads an API body as JSON whatever Content-Type it came with', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const email = `typed-${type.length}@example.com`;
        const res = await api.request('POST', '/v1/prospects', {
          key: account.apiKey, rawBody: JSON.stringify({ email }), headers: { 'content-type': type },
        });
        assert.equal(res.status, 201, `${type}: ${res.text}`);
        assert.equal(res.body.email, email);
      }
      const form = await api.request('POST', '/v1/prospects', {
        key: account.apiKey, rawBody: 'email=someone%40example.com', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(form.status, 400);
      assert.equal(form.body.error.code, 'invalid_json');
    });

    it('refuses a malformed id in the path', async () => {
      const res = await account.call('GET', '/v1/prospects/not-a-uuid');
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'validation_failed');
      assert.equal(res.body.error.field, 'id');
    });
  });

  describe('/health', () => {
    it('is public and reports PostgreSQL, the vault database and Temporal up', async () => {
      const res = await api.request('GET', '/health');
      assert.equal(res.status, 200);
      assert.equal(res.body.status, 'ok');
      for (const name of ['postgres', 'temporal', 'vault']) {
        assert.equal(res.body.checks[name].status, 'up', name);
        assert.equal(typeof res.body.checks[name].latencyMs, 'number');
      }
    });
  });

  describe('OpenAPI', () => {
    it('documents every route with the bearer scheme at /docs-json', async () => {
      const res = await api.request('GET', '/docs-json');
      assert.equal(res.status, 200);
      const doc = res.body;
      assert.deepEqual(doc.components.securitySchemes['api-key'], {
        type: 'http', scheme: 'bearer', bearerFormat: 'rl_live_<32 characters>', description: 'An API key of your account',
      });
      const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      );
      for (const route of [
        'GET /health',
        'POST /v1/mailboxes', 'GET /v1/mailboxes', 'GET /v1/mailboxes/{id}', 'PATCH /v1/mailboxes/{id}',
        'POST /v1/prospects', 'POST /v1/prospects/batch', 'GET /v1/prospects', 'GET /v1/prospects/{id}',
        'POST /v1/campaigns', 'GET /v1/campaigns', 'GET /v1/campaigns/{id}', 'POST /v1/campaigns/{id}/launch',
        'GET /v1/campaigns/{id}/enrollments', 'GET /v1/enrollments/{id}',
        'GET /v1/campaigns/{id}/stats', 'GET /v1/prospects/{id}/conversation',
      ]) {
        assert.ok(routes.includes(route), `${route} is documented (found: ${routes.join(', ')})`);
      }
      const launch = doc.paths['/v1/campaigns/{id}/launch'].post;
      assert.deepEqual(launch.security, [{ 'api-key': [] }]);
      assert.ok(launch.responses['202'] && launch.responses['422'] && launch.responses['401']);
      assert.ok(doc.components.schemas.CreateMailboxDto.properties.smtp, 'DTOs are documented');
    });

    it('serves Swagger UI at /docs without a key', async () => {
      const res = await api.request('GET', '/docs');
      assert.equal(res.status, 200);
      assert.match(res.text, /swagger/i);
    });

    it('sends /docs/ and /docs/index.html to /docs, where everything the page links loads', async () => {
      for (const path of ['/docs/', '/docs/index.html', '/docs/?deepLinking=true']) {
        const moved = await fetch(`${api.baseUrl}${path}`, { redirect: 'manual' });
        assert.equal(moved.status, 301, path);
        assert.equal(moved.headers.get('location'), `../docs${path.includes('?') ? '?deepLinking=true' : ''}`, path);
      }
      // As a browser does: follow the redirect, then resolve each link against where it landed.
      const page = await fetch(`${api.baseUrl}/docs/`);
      assert.equal(new URL(page.url).pathname, '/docs');
      const html = await page.text();
      const links = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => new URL(match[1], page.url));
      const types = new Map<string, string>();
      for (const link of links) {
        const asset = await fetch(link);
        assert.equal(asset.status, 200, link.pathname);
        types.set(link.pathname.split('.').pop()!, asset.headers.get('content-type') ?? '');
        if (link.pathname.endsWith('swagger-ui-init.js')) assert.match(await asset.text(), /"\/v1\/mailboxes"/);
        else await asset.arrayBuffer();
      }
      assert.match(types.get('css') ?? '', /text\/css/);
      assert.match(types.get('js') ?? '', /javascript/);
      assert.ok(links.some((link) => link.pathname.endsWith('swagger-ui-bundle.js')), 'the page loads the bundle');
    });
  });
});
