import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TestApi } from '../../support/test-api';

const TOKEN = 'metrics-token-0123456789abcdef';

/** With METRICS_TOKEN set, /metrics answers only the bearer of that token; /health stays open. */
describe('API /metrics behind METRICS_TOKEN', () => {
  let api: TestApi;

  before(async () => {
    api = await TestApi.start((config) => ({ ...config, metrics: { token: TOKEN } }));
  });
  after(() => api?.close());

  it('401 without the token or with another one, 200 with it', async () => {
    const anonymous = await fetch(`${api.baseUrl}/metrics`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await fetch(`${api.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } })).status, 401);
    const scrape = await fetch(`${api.baseUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(scrape.status, 200);
    assert.match(await scrape.text(), /^# TYPE relance_http_requests_total counter$/m);
    assert.equal((await fetch(`${api.baseUrl}/health`)).status, 200);
  });
});
