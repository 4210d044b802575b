import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@relance/errors';
import { decideRepeat, readIdempotencyKey, repeatError, requestHash } from './idempotency-rules';

describe('Idempotency-Key header', () => {
  it('is optional', () => {
    assert.equal(readIdempotencyKey(undefined), undefined);
  });

  it('accepts printable keys up to 255 characters', () => {
    assert.equal(readIdempotencyKey('4f1c6a2e-7d1b-4a4e-9c3f-0d2b8e6f1a77'), '4f1c6a2e-7d1b-4a4e-9c3f-0d2b8e6f1a77');
    assert.equal(readIdempotencyKey('k'.repeat(255))?.length, 255);
  });

  it('refuses empty, too long, repeated and non-printable keys, naming the header', () => {
    const cases: [string | string[], RegExp][] = [
      ['', /must not be empty/],
      ['   ', /must not be empty/],
      ['k'.repeat(256), /at most 255 characters \(got 256\)/],
      ['tab\there', /printable ASCII/],
      ['clé', /printable ASCII/],
      [['a', 'b'], /must be sent once/],
    ];
    for (const [header, message] of cases) {
      assert.throws(() => readIdempotencyKey(header), (error: unknown) => {
        assert.ok(error instanceof DomainError);
        assert.equal(error.code, 'validation_failed');
        assert.equal(error.field, 'Idempotency-Key');
        assert.match(error.message, /^Idempotency-Key /);
        assert.match(error.message, message);
        return true;
      }, JSON.stringify(header));
    }
  });
});

describe('request hash', () => {
  it('ignores key order and spacing of the body, not its values', () => {
    const a = requestHash('POST', '/v1/prospects', { email: 'a@x.test', custom: { b: 1, a: 2 } });
    assert.equal(a, requestHash('post', '/v1/prospects', { custom: { a: 2, b: 1 }, email: 'a@x.test' }));
    assert.notEqual(a, requestHash('POST', '/v1/prospects', { email: 'b@x.test', custom: { b: 1, a: 2 } }));
    assert.match(a, /^[0-9a-f]{64}$/);
  });

  it('tells paths and methods apart, and a missing body from an empty one', () => {
    const body = { name: 'x' };
    assert.notEqual(requestHash('POST', '/v1/campaigns', body), requestHash('POST', '/v1/suppressions', body));
    assert.notEqual(requestHash('POST', '/v1/campaigns', body), requestHash('PUT', '/v1/campaigns', body));
    assert.notEqual(requestHash('POST', '/v1/x', undefined), requestHash('POST', '/v1/x', {}));
  });
});

describe('a repeated key', () => {
  const hash = 'h'.repeat(64);
  it('replays a completed answer to the same request', () => {
    assert.deepEqual(
      decideRepeat({ id: 'row-1', requestHash: hash, state: 'completed', responseStatus: 201, responseBody: { id: 'p1' } }, hash),
      { kind: 'replay', status: 201, body: { id: 'p1' } },
    );
  });

  it('refuses another request with the same key, running or done', () => {
    for (const state of ['in_flight', 'completed'] as const) {
      const decision = decideRepeat({ id: 'row-1', requestHash: 'other', state, responseStatus: 201, responseBody: {} }, hash);
      assert.deepEqual(decision, { kind: 'reused' });
      assert.equal(repeatError({ kind: 'reused' }).code, 'idempotency_key_reused');
    }
  });

  it('asks to retry later while the first request runs', () => {
    const decision = decideRepeat({ id: 'row-1', requestHash: hash, state: 'in_flight', responseStatus: null, responseBody: null }, hash);
    assert.deepEqual(decision, { kind: 'in_flight' });
    assert.match(repeatError({ kind: 'in_flight' }).message, /still being processed: retry later/);
  });
});
