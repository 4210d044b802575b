import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@relance/errors';
import { MAX_PAYLOADS, payloadsFromWire, payloadsToWire } from './codec-wire';

const b64 = (text: string) => Buffer.from(text).toString('base64');

function problems(body: unknown): string[] {
  try {
    payloadsFromWire(body);
  } catch (error) {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, 'validation_failed');
    return (error.details ?? []).map((detail) => `${detail.field}: ${detail.message}`);
  }
  assert.fail('accepted');
}

describe('Temporal remote codec JSON', () => {
  it('reads payloads and writes them back unchanged', () => {
    const wire = { payloads: [{ metadata: { encoding: b64('json/plain'), 'encryption-key-id': b64('k1') }, data: b64('{"a":1}') }, { metadata: {}, data: '' }] };
    const payloads = payloadsFromWire(wire);
    assert.equal(Buffer.from(payloads[0].data!).toString(), '{"a":1}');
    assert.equal(Buffer.from(payloads[0].metadata!.encoding!).toString(), 'json/plain');
    assert.deepEqual(payloadsToWire(payloads), wire);
  });

  it('takes a payload without metadata or data as empty', () => {
    assert.deepEqual(payloadsToWire(payloadsFromWire({ payloads: [{}] })), { payloads: [{ metadata: {}, data: '' }] });
  });

  it('names every problem by its path', () => {
    assert.deepEqual(problems(null).map((p) => p.split(':')[0]), ['payloads']);
    assert.deepEqual(problems({ payloads: 'x' }).map((p) => p.split(':')[0]), ['payloads']);
    assert.deepEqual(problems({ payloads: [1, { metadata: [], data: 'a' }, { metadata: { encoding: 7 }, data: 'YQ==' }] }), [
      'payloads.0: payloads.0 must be an object with metadata and data',
      'payloads.1.metadata: payloads.1.metadata must be an object of base64 strings',
      'payloads.1.data: payloads.1.data must be base64',
      'payloads.2.metadata.encoding: payloads.2.metadata.encoding must be base64',
    ].map((line) => line.replace(/must be base64$/, 'must be a base64 string')));
  });

  it('refuses a batch larger than a history page holds', () => {
    const [problem] = problems({ payloads: Array.from({ length: MAX_PAYLOADS + 1 }, () => ({})) });
    assert.match(problem, /^payloads: payloads holds 1001 items; at most 1000 per call$/);
  });
});
