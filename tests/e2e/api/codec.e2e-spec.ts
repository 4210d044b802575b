import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newStaffMember, type TestStaffMember } from '../../support/staff-fixtures';
import { TestAccount, TestApi } from '../../support/test-api';

const UI_ORIGIN = 'http://127.0.0.1:8233';
const json = (value: unknown) => ({
  metadata: { encoding: Buffer.from('json/plain').toString('base64') },
  data: Buffer.from(JSON.stringify(value)).toString('base64'),
});

/**
 * The Temporal remote codec endpoint as the Web UI calls it: a CORS preflight from the UI's
 * origin, then POST /codec/decode with a staff token. Only operators and admins decode.
 */
describe('codec endpoint: /codec/encode and /codec/decode', () => {
  let api: TestApi;
  let customer: TestAccount;
  let operator: TestStaffMember;
  let support: TestStaffMember;

  before(async () => {
    api = await TestApi.start();
    customer = await api.newAccount('codec');
    operator = await newStaffMember(api.dataSource, 'operator');
    support = await newStaffMember(api.dataSource, 'support');
  });
  after(() => api?.close());

  const post = (path: string, body: unknown, key?: string, headers: Record<string, string> = {}) =>
    api.request('POST', path, { key, body, headers: { 'x-namespace': 'default', ...headers } });

  it('encodes like the workers (encrypted, no clear text) and decodes back to the same payloads', async () => {
    const original = [json({ enrollmentId: 'e-1', step: 2 }), { metadata: { encoding: Buffer.from('binary/null').toString('base64') }, data: '' }];
    const encoded = await post('/codec/encode', { payloads: original }, operator.token);
    assert.equal(encoded.status, 200, encoded.text);
    assert.equal(Buffer.from(encoded.body.payloads[0].metadata.encoding, 'base64').toString(), 'binary/encrypted');
    assert.ok(!Buffer.from(encoded.body.payloads[0].data, 'base64').toString().includes('e-1'));
    const decoded = await post('/codec/decode', encoded.body, operator.token);
    assert.equal(decoded.status, 200, decoded.text);
    assert.deepEqual(decoded.body, { payloads: original });
  });

  it('leaves payloads that are not encrypted as they are, and reads the body as JSON whatever its Content-Type', async () => {
    const plain = { payloads: [json({ hello: 'world' })] };
    const decoded = await post('/codec/decode', plain, operator.token);
    assert.deepEqual(decoded.body, plain);
    const asText = await post('/codec/decode', plain, operator.token, { 'content-type': 'text/plain' });
    assert.deepEqual([asText.status, asText.body], [200, plain]);
  });

  it("answers the UI's preflight from its origin, without a token, and refuses other origins", async () => {
    const preflight = await fetch(`${api.baseUrl}/codec/decode`, {
      method: 'OPTIONS',
      headers: { origin: UI_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace,authorization' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), UI_ORIGIN);
    assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    for (const header of ['authorization', 'content-type', 'x-namespace']) {
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', new RegExp(header));
    }
    const stranger = await fetch(`${api.baseUrl}/codec/decode`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(stranger.status, 403);
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
    const decoded = await post('/codec/decode', { payloads: [] }, operator.token, { origin: UI_ORIGIN });
    assert.equal(decoded.headers.get('access-control-allow-origin'), UI_ORIGIN, 'the POST itself carries the CORS answer');
    assert.equal(decoded.headers.get('x-request-id') !== null, true);
  });

  it("refuses anonymous calls and customers' API keys (401), and support staff (403)", async () => {
    const encrypted = (await post('/codec/encode', { payloads: [json({ id: 1 })] }, operator.token)).body;
    const anonymous = await post('/codec/decode', encrypted);
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.body.error.message, /staff token/);
    assert.equal((await post('/codec/decode', encrypted, customer.apiKey)).status, 401);
    const forbidden = await post('/codec/decode', encrypted, support.token);
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.body.error.message, /operator, admin/);
    assert.equal((await post('/codec/encode', encrypted, support.token)).status, 403);
  });

  it('says what is wrong with a malformed body, a foreign namespace or a payload that does not decrypt', async () => {
    const noArray = await post('/codec/decode', { payload: [] }, operator.token);
    assert.equal(noArray.status, 400);
    assert.equal(noArray.body.error.field, 'payloads');
    const badBase64 = await post('/codec/decode', { payloads: [{ metadata: { encoding: '***' }, data: 'abc' }] }, operator.token);
    assert.equal(badBase64.status, 400);
    assert.deepEqual(badBase64.body.error.details.map((d: { field: string }) => d.field), ['payloads.0.metadata.encoding', 'payloads.0.data']);
    const foreign = await post('/codec/decode', { payloads: [] }, operator.token, { 'x-namespace': 'someone-else' });
    assert.equal(foreign.status, 400);
    assert.match(foreign.body.error.message, /X-Namespace "someone-else" is not Relance's namespace/);
    const encrypted = (await post('/codec/encode', { payloads: [json({ id: 1 })] }, operator.token)).body;
    encrypted.payloads[0].metadata['encryption-key-id'] = Buffer.from('k-unknown').toString('base64');
    const unknownKey = await post('/codec/decode', encrypted, operator.token);
    assert.equal(unknownKey.status, 400);
    assert.match(unknownKey.body.error.message, /payloads\.0 could not be decrypted: payload key "k-unknown" is not configured/);
  });
});
