import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRedactedField, maskEmailAddresses, redactForLog, REDACTED_FIELDS } from './redaction';
import { fourfoldGrowth } from '../../tests/support/growth';

describe('maskEmailAddresses', () => {
  it('masks addresses in SMTP replies, quoted, bracketed and URL-encoded', () => {
    assert.equal(maskEmailAddresses('550 5.1.1 <ada@x.com> user unknown'), '550 5.1.1 <[email]> user unknown');
    assert.equal(maskEmailAddresses('"Ada" <Ada.Lovelace+cv@Analytical.co.uk>, bob@y.test'), '"Ada" <[email]>, [email]');
    assert.equal(maskEmailAddresses('GET /v1/suppressions/check?email=ada%40x.com'), 'GET /v1/suppressions/check?email=[email]');
    assert.equal(maskEmailAddresses('{"msg":"to ada@x.com","n":1}'), '{"msg":"to [email]","n":1}', 'JSON stays JSON');
  });

  it('stays linear on a long line around an address', () => {
    const line = (n: number) => `from ada@x.com: ${'a'.repeat(n)} ${'b1'.repeat(n / 4)}@`;
    assert.ok(maskEmailAddresses(line(1_000_000)).startsWith('from [email]: aaa'));
    const growth = fourfoldGrowth((n) => maskEmailAddresses(line(n)), 250_000);
    assert.ok(growth < 8, `a line four times longer took ${growth.toFixed(1)} times as long (linear: about 4)`);
  });

  it('leaves text without an address alone', () => {
    for (const text of ['enrollment:3f0c-11', 'smtp.example.com:587', 'a @ b', '']) assert.equal(maskEmailAddresses(text), text);
  });
});

describe('isRedactedField', () => {
  it('knows personal and secret names in any spelling', () => {
    for (const field of ['email', 'EMAIL', 'first_name', 'lastName', 'smtp-password', 'imapPassword', 'Authorization', 'apiKey', 'to', 'subject']) {
      assert.equal(isRedactedField(field), true, field);
    }
    for (const field of ['enrollmentId', 'mailboxId', 'status', 'workflowId', 'code', 'message', 'stack', 'type']) {
      assert.equal(isRedactedField(field), false, field);
    }
  });

  it('declares the passwords and tokens, not only the personal fields', () => {
    for (const field of ['password', 'smtpPassword', 'imapPassword', 'pass', 'secret', 'token', 'cookie', 'masterKeys']) {
      assert.ok(REDACTED_FIELDS.includes(field), field);
    }
  });
});

describe('redactForLog', () => {
  it('redacts declared fields at any depth, in arrays too, and leaves ids', () => {
    const deep: Record<string, unknown> = { enrollmentId: 'e1' };
    let level = deep;
    for (let i = 0; i < 50; i++) level = (level.next = { step: i }) as Record<string, unknown>;
    level.password = 'hunter2';
    const redacted = redactForLog({
      mailboxId: 'm1',
      smtp: { host: 'smtp.example.com', username: 'rep@example.com', password: 's3cret' },
      prospects: [{ id: 'p1', firstName: 'Ada', custom: { hobby: 'chess' } }, { id: 'p2', email: 'bob@y.test' }],
      deep,
    });
    const text = JSON.stringify(redacted);
    for (const secret of ['s3cret', 'rep@example.com', 'Ada', 'chess', 'bob@y.test', 'hunter2']) assert.equal(text.includes(secret), false, secret);
    assert.deepEqual((redacted as any).prospects, [{ id: 'p1', firstName: '[redacted]', custom: '[redacted]' }, { id: 'p2', email: '[redacted]' }]);
    assert.equal((redacted as any).smtp.host, 'smtp.example.com');
    assert.equal((redacted as any).mailboxId, 'm1');
    assert.ok(text.includes('"step":49'), 'nothing is lost to depth');
  });

  it('turns errors into type, message and stack, masked, with their fields and cause', () => {
    const cause = Object.assign(new Error('Key (email)=(ada@x.com) already exists'), { code: '23505', detail: 'bob@y.test' });
    const error = Object.assign(new Error('550 5.1.1 <ada@x.com> user unknown', { cause }), { responseCode: 550, auth: { pass: 'p' } });
    assert.equal((redactForLog(Object.assign(new Error('x'), { type: 'TransientSendError' })) as any).type, 'TransientSendError', 'its own type wins');
    const redacted = redactForLog({ err: error }) as any;
    assert.equal(redacted.err.type, 'Error');
    assert.equal(redacted.err.message, '550 5.1.1 <[email]> user unknown');
    assert.match(redacted.err.stack, /^Error: 550 5\.1\.1 <\[email\]> user unknown\n\s+at /);
    assert.equal(redacted.err.responseCode, 550);
    assert.equal(redacted.err.auth, '[redacted]');
    assert.deepEqual([redacted.err.cause.message, redacted.err.cause.code, redacted.err.cause.detail], ['Key (email)=([email]) already exists', '23505', '[email]']);
  });

  it('masks plain strings and keeps numbers, booleans, null, dates; bytes are counted, not shown', () => {
    assert.equal(redactForLog('mail from ada@x.com'), 'mail from [email]');
    assert.deepEqual(redactForLog([1, true, null, undefined]), [1, true, null, undefined]);
    assert.equal(redactForLog(new Date('2026-01-02T03:04:05Z')), '2026-01-02T03:04:05.000Z');
    assert.equal(redactForLog(Buffer.from('ada@x.com')), '[9 bytes]');
    assert.equal(redactForLog(12n), '12');
  });

  it('copes with cycles and shared objects, and never changes its input', () => {
    const shared = { id: 's' };
    const input: any = { a: shared, b: shared, email: 'ada@x.com' };
    input.self = input;
    const redacted = redactForLog(input) as any;
    assert.equal(redacted.self, '[seen]');
    assert.deepEqual([redacted.a, redacted.b].sort(), [{ id: 's' }, '[seen]'].sort());
    assert.equal(input.email, 'ada@x.com');
    assert.equal(input.self, input);
  });

  it('cuts a huge object short instead of writing it all', () => {
    const huge = Array.from({ length: 20_000 }, (_, i) => i);
    const redacted = redactForLog(huge) as unknown[];
    assert.ok(redacted.includes('[truncated]'));
  });
});
