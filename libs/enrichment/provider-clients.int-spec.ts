import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ProviderStubs, STUB_KEYS } from '../../tests/support/enrichment-provider-stubs';
import { BriteVerifyClient } from './providers/briteverify.client';
import { HunterClient } from './providers/hunter.client';
import { ProviderError } from './providers/provider-error';
import { ZeroBounceClient } from './providers/zerobounce.client';

/** Each adapter against a loopback stub speaking the provider's documented API, errors and limits included. */
describe('provider adapters', () => {
  let stubs: ProviderStubs;
  let hunter: HunterClient;
  let briteverify: BriteVerifyClient;
  let zerobounce: ZeroBounceClient;

  before(async () => {
    stubs = await ProviderStubs.start();
    const settings = { baseUrl: stubs.url, rateLimit: [{ requests: 10, windowMs: 1000 }] };
    hunter = new HunterClient(settings, 2000);
    briteverify = new BriteVerifyClient(settings, 2000);
    zerobounce = new ZeroBounceClient(settings, 2000);
  });

  after(() => stubs?.stop());

  const failure = async (call: Promise<unknown>): Promise<ProviderError> => {
    try {
      await call;
    } catch (error) {
      assert.ok(error instanceof ProviderError, String(error));
      return error;
    }
    assert.fail('the call should have failed');
  };

  it('Hunter: verifies with api_key in the query, maps its statuses, and enriches from Domain Search', async () => {
    assert.deepEqual(await hunter.verify(STUB_KEYS.hunter, 'valid.h@acme.test'), {
      verdict: 'valid', score: 91, details: { status: 'valid', result: 'deliverable', smtpCheck: true },
    });
    assert.equal((await hunter.verify(STUB_KEYS.hunter, 'catchall.h@acme.test')).verdict, 'accept_all');
    assert.equal((await hunter.verify(STUB_KEYS.hunter, 'invalid.h@acme.test')).verdict, 'invalid');
    const [request] = stubs.requestsFor('valid.h@acme.test');
    assert.deepEqual(request, { provider: 'hunter', path: '/v2/email-verifier', subject: 'valid.h@acme.test', apiKey: STUB_KEYS.hunter });
    const enrichment = await hunter.enrich(STUB_KEYS.hunter, 'valid@acme.test');
    assert.deepEqual(enrichment.facts, { position: 'CTO', company: 'Acme Corp', country: 'FR' });
    assert.deepEqual(await hunter.findEmail(STUB_KEYS.hunter, { firstName: 'Ada', lastName: 'Lovelace', domain: 'acme.test' }),
      { email: 'ada.lovelace@acme.test', score: 93 });
    assert.equal(await hunter.findEmail(STUB_KEYS.hunter, { firstName: 'Ada', lastName: 'Lovelace', domain: 'unknown-to-hunter.test' }), null);
  });

  it('Hunter: its rate limit (403) is retried, a bad key (401) and a refused request (400) are not, 5xx is', async () => {
    const throttled = await failure(hunter.verify(STUB_KEYS.hunter, 'throttled.h@acme.test'));
    assert.deepEqual([throttled.code, throttled.retryable, throttled.status], ['hunter_rate_limited', true, 403]);
    assert.equal((await hunter.verify(STUB_KEYS.hunter, 'throttled.h@acme.test')).verdict, 'valid', 'answered once the limit passed');
    const badKey = await failure(hunter.verify('wrong-key-000', 'valid.h@acme.test'));
    assert.deepEqual([badKey.code, badKey.retryable], ['hunter_401', false]);
    assert.match(badKey.message, /No user found for the API key supplied/, 'Hunter\'s errors[].details');
    assert.deepEqual([(await failure(hunter.verify(STUB_KEYS.hunter, 'refused.h@acme.test'))).retryable], [false]);
    assert.deepEqual([(await failure(hunter.verify(STUB_KEYS.hunter, 'broken.h@acme.test'))).retryable], [true]);
  });

  it('BriteVerify: POSTs the address with "Authorization: ApiKey: <key>", maps its statuses', async () => {
    assert.equal((await briteverify.verify(STUB_KEYS.briteverify, 'valid.b@acme.test')).verdict, 'valid');
    assert.equal((await briteverify.verify(STUB_KEYS.briteverify, 'disposable.b@acme.test')).verdict, 'disposable');
    const invalid = await briteverify.verify(STUB_KEYS.briteverify, 'invalid.b@acme.test');
    assert.equal(invalid.verdict, 'invalid');
    assert.equal(invalid.details.errorCode, 'email_account_invalid');
    assert.equal(stubs.requestsFor('valid.b@acme.test')[0].apiKey, `ApiKey: ${STUB_KEYS.briteverify}`);
  });

  it('BriteVerify: a 429 carries its Retry-After; 401 is final; 503 is retried', async () => {
    const throttled = await failure(briteverify.verify(STUB_KEYS.briteverify, 'throttled.b@acme.test'));
    assert.deepEqual([throttled.retryable, throttled.status, throttled.retryAfterMs], [true, 429, 1000]);
    const badKey = await failure(briteverify.verify('wrong-key-000', 'valid.b@acme.test'));
    assert.deepEqual([badKey.code, badKey.retryable], ['briteverify_401', false]);
    assert.equal((await failure(briteverify.verify(STUB_KEYS.briteverify, 'broken.b@acme.test'))).retryable, true);
  });

  it('ZeroBounce: GET /v2/validate with api_key, email and ip_address; catch-all and disposable mapped; country as enrichment', async () => {
    assert.equal((await zerobounce.verify(STUB_KEYS.zerobounce, 'valid.z@acme.test')).verdict, 'valid');
    assert.equal((await zerobounce.verify(STUB_KEYS.zerobounce, 'catchall.z@acme.test')).verdict, 'accept_all');
    assert.equal((await zerobounce.verify(STUB_KEYS.zerobounce, 'disposable.z@acme.test')).verdict, 'disposable');
    assert.deepEqual((await zerobounce.enrich(STUB_KEYS.zerobounce, 'valid.z@acme.test')).facts, { country: 'France' });
  });

  it('ZeroBounce: a bad key answers 200 with an error, taken as final; a 429 with Retry-After is retried', async () => {
    const badKey = await failure(zerobounce.verify('wrong-key-000', 'valid.z@acme.test'));
    assert.deepEqual([badKey.code, badKey.retryable], ['zerobounce_refused', false]);
    const throttled = await failure(zerobounce.verify(STUB_KEYS.zerobounce, 'throttled.z@acme.test'));
    assert.deepEqual([throttled.retryable, throttled.retryAfterMs], [true, 1000]);
  });

  it('a provider that does not answer in time fails retryably', async () => {
    const silent = new HunterClient({ baseUrl: 'http://127.0.0.1:9', rateLimit: [] }, 300);
    const error = await failure(silent.verify(STUB_KEYS.hunter, 'valid@acme.test'));
    assert.equal(error.retryable, true);
    assert.match(error.code, /^hunter_(timeout|unreachable)$/);
  });
});
