import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger } from './logger';
import { requestContext, requestIdFrom } from './request-context';

describe('requestIdFrom', () => {
  it("keeps a caller's sane id, and makes a UUID for anything else", () => {
    for (const id of ['abc', 'req-1.2_3:4', 'x'.repeat(128), '0f8fad5b-d9cb-469f-a165-70867728950e']) assert.equal(requestIdFrom(id), id);
    assert.equal(requestIdFrom(['first', 'second']), 'first');
    for (const bad of [undefined, '', 'two words', 'x'.repeat(129), 'a\r\nSet-Cookie: x', 'ümlaut', 'ada@x.com']) {
      assert.match(requestIdFrom(bad), /^[0-9a-f-]{36}$/, String(bad));
    }
  });
});

describe('the logger in a request context', () => {
  it('adds the requestId to every line written inside it, and none outside', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const logger = createLogger({ level: 'info', service: 'spec', destination });
    await requestContext.run({ requestId: 'r-1' }, async () => {
      logger.info('before a wait');
      await new Promise((resolve) => setImmediate(resolve));
      logger.child({ mailboxId: 'm1' }).warn({ email: 'ada@x.com' }, 'after a wait');
    });
    logger.info('outside');
    const [before, after, outside] = lines.map((line) => JSON.parse(line));
    assert.deepEqual([before.requestId, after.requestId, after.mailboxId, after.email], ['r-1', 'r-1', 'm1', '[redacted]']);
    assert.equal('requestId' in outside, false);
  });
});
