import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '@relance/config';
import { TestApi, TestAccount } from '../../support/test-api';

/** `levels` objects nested in one another under key `a`, around `inner`: `{"a":{"a":…inner…}}`. */
const nested = (levels: number, inner = '"x"') => '{"a":'.repeat(levels) + inner + '}'.repeat(levels);

/**
 * A body nested deeper than API_MAX_JSON_DEPTH is refused with a 400 naming the limit and
 * where it was passed, before parsing; one within it reaches validation as usual.
 */
describe('request bodies nested too deep', () => {
  const limit = loadConfig().api.maxJsonDepth;
  let api: TestApi;
  let account: TestAccount;

  before(async () => {
    api = await TestApi.start();
    account = await api.newAccount();
  });
  after(async () => {
    await api?.close();
  });

  const post = (path: string, rawBody: string) => api.request('POST', path, { key: account.apiKey, rawBody });
  const assertTooDeep = (res: { status: number; body: any; text: string }, field: string) => {
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.code, 'validation_failed');
    assert.equal(res.body.error.field, field);
    assert.match(res.body.error.message, new RegExp(`deeper than ${limit} levels`));
    assert.ok(res.body.error.message.endsWith(`at ${field}`), res.body.error.message);
  };

  it('is the default limit of 32 levels here', () => {
    assert.equal(limit, 32);
  });

  describe('on a route with a fixed body (campaigns)', () => {
    // The top-level object is level 1: `nested(limit - 1)` under it reaches the limit exactly.
    it('validates a body nested exactly to the limit as usual', async () => {
      const res = await post('/v1/campaigns', `{"name":"Deep","extra":${nested(limit - 1)}}`);
      assert.equal(res.status, 400, res.text);
      assert.doesNotMatch(res.body.error.message, /deeper than/);
      assert.match(res.body.error.message, /property extra should not exist/);
    });

    it('refuses one level more, naming the path', async () => {
      const res = await post('/v1/campaigns', `{"name":"Deep","extra":${nested(limit)}}`);
      assertTooDeep(res, ['extra', ...Array(limit - 1).fill('a')].join('.'));
    });

    it('refuses 100,000 levels of objects and a megabyte of arrays with the same 400, not a 500', async () => {
      assertTooDeep(await post('/v1/campaigns', nested(100_000)), Array(limit).fill('a').join('.'));
      const arrays = await post('/v1/campaigns', '['.repeat(1_000_000) + ']'.repeat(1_000_000));
      assertTooDeep(arrays, Array(limit).fill('0').join('.'));
    });
  });

  describe('in prospect custom fields (free-form)', () => {
    it('lets the custom-fields rule judge a value nested exactly to the limit', async () => {
      const res = await post('/v1/prospects', `{"email":"deep-ok@example.com","customFields":${nested(limit - 1)}}`);
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.field, 'customFields');
      assert.match(res.body.error.message, /customFields\.a must be a string/);
    });

    it('refuses one level more, and 100,000, naming the path inside customFields', async () => {
      const over = await post('/v1/prospects', `{"email":"deep@example.com","customFields":${nested(limit)}}`);
      assertTooDeep(over, ['customFields', ...Array(limit - 1).fill('a')].join('.'));
      const far = await post('/v1/prospects', `{"email":"deep@example.com","customFields":${nested(100_000)}}`);
      assertTooDeep(far, ['customFields', ...Array(limit - 1).fill('a')].join('.'));
      assert.deepEqual((await account.call('GET', '/v1/prospects')).body.data, [], 'nothing was saved');
    });
  });

  it('keeps a stricter limit when configured, for every route', async () => {
    const strict = await TestApi.start((config) => ({ ...config, api: { ...config.api, maxJsonDepth: 8 } }));
    try {
      const other = await strict.newAccount();
      const res = await strict.request('POST', '/v1/suppressions', { key: other.apiKey, rawBody: `{"email":${nested(8)}}` });
      assert.equal(res.status, 400, res.text);
      assert.match(res.body.error.message, /deeper than 8 levels, the most this API reads, at email(\.a){7}$/);
    } finally {
      await strict.close();
    }
  });
});
