import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig } from '@relance/config';
import { createLogger } from '@relance/observability';
import { createApiApp } from '../../../apps/api/src/app.factory';
import { newStaffMember, type TestStaffMember } from '../../support/staff-fixtures';
import { DataSource } from 'typeorm';

/**
 * Every request gets an id, the caller's when it is sane: returned in X-Request-Id and carried
 * by every log line written while serving it, the request line included.
 */
describe('request ids: in the response and in every log line of the request', () => {
  const lines: string[] = [];
  let app: NestExpressApplication;
  let baseUrl: string;
  let operator: TestStaffMember;

  before(async () => {
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const config = loadConfig();
    app = await createApiApp({ ...config, logLevel: 'debug' }, { logger: createLogger({ level: 'debug', service: 'test-api', destination }) });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    operator = await newStaffMember(app.get(DataSource), 'operator');
  });
  after(() => app?.close());

  const logged = (requestId: string) => lines.map((line) => JSON.parse(line)).filter((line) => line.requestId === requestId);

  it("keeps a sane X-Request-Id and tags the service's own lines and the request line with it", async () => {
    const requestId = 'trace-4f2a.9_b:c-1';
    const response = await fetch(`${baseUrl}/codec/decode`, {
      method: 'POST',
      headers: { 'x-request-id': requestId, authorization: `Bearer ${operator.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ payloads: [] }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-request-id'), requestId);
    const mine = logged(requestId);
    assert.ok(mine.some((line) => line.msg === 'codec: payloads decoded'), 'a line written inside the handler');
    assert.ok(mine.some((line) => line.msg === 'request' && line.route === '/codec/decode' && line.status === 200), 'the request line');
  });

  it('replaces a missing or insane id with a fresh UUID, each request its own', async () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const seen = new Set<string>();
    for (const header of [undefined, '', 'has spaces in it', 'x'.repeat(129), 'semi;colon']) {
      const response = await fetch(`${baseUrl}/health`, { headers: header === undefined ? {} : { 'x-request-id': header } });
      const id = response.headers.get('x-request-id') ?? '';
      assert.match(id, uuid, `for ${JSON.stringify(header)}`);
      seen.add(id);
    }
    assert.equal(seen.size, 5);
  });

  it('tags a refused request (401, 404) too', async () => {
    const unauthorized = await fetch(`${baseUrl}/v1/prospects`, { headers: { 'x-request-id': 'refused-1' } });
    assert.equal(unauthorized.status, 401);
    assert.equal(unauthorized.headers.get('x-request-id'), 'refused-1');
    assert.ok(logged('refused-1').some((line) => line.msg === 'request' && line.status === 401));
    const missing = await fetch(`${baseUrl}/nowhere`, { headers: { 'x-request-id': 'missing-1' } });
    assert.equal(missing.status, 404);
    assert.ok(logged('missing-1').some((line) => line.msg === 'request' && line.route === 'unmatched'));
  });
});
