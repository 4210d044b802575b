import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildMessageId, normalizeMessageId, parseMessageIdList } from './message-id';
import { MailError } from './mail-error';

describe('buildMessageId', () => {
  it('derives the id from the outbox row and the sender domain', () => {
    assert.equal(buildMessageId('0f3c2a9e-1b2c', 'Rep@Example.COM'), '<relance.0f3c2a9e-1b2c@example.com>');
  });

  it('is deterministic', () => {
    assert.equal(buildMessageId('abc', 'a@b.io'), buildMessageId('abc', 'a@b.io'));
  });

  it('takes the domain after the last @ and encodes an internationalized one', () => {
    assert.equal(buildMessageId('1', '"a@b"@exämple.fr'), '<relance.1@xn--exmple-cua.fr>');
  });

  it('refuses a sender without a domain', () => {
    assert.throws(() => buildMessageId('1', 'nobody'), (error: unknown) => error instanceof MailError && error.code === 'invalid_address');
    assert.throws(() => buildMessageId('1', 'nobody@'), MailError);
  });

  it('refuses an outbox id that would break the header', () => {
    assert.throws(() => buildMessageId('a b', 'a@b.io'), MailError);
    assert.throws(() => buildMessageId('a>', 'a@b.io'), MailError);
  });

  it('does not name the sender in its error', () => {
    assert.throws(
      () => buildMessageId('1', 'rep-without-domain'),
      (error: unknown) => error instanceof Error && !error.message.includes('rep-without-domain'),
    );
  });
});

describe('normalizeMessageId', () => {
  it('adds missing brackets and trims', () => {
    assert.equal(normalizeMessageId('  abc@Example.com '), '<abc@example.com>');
    assert.equal(normalizeMessageId('< abc@example.com >'), '<abc@example.com>');
  });

  it('lower-cases the domain only', () => {
    assert.equal(normalizeMessageId('<AbC.123@MAIL.Example.COM>'), '<AbC.123@mail.example.com>');
  });

  it('is idempotent', () => {
    const once = normalizeMessageId('<X@Y.Z>');
    assert.equal(normalizeMessageId(once ?? ''), once);
  });

  it('rejects garbage', () => {
    for (const raw of ['', '   ', '<>', 'no-at-sign', '@domain', 'local@', 'a b@c', '<a@b> <c@d>']) {
      assert.equal(normalizeMessageId(raw), null, raw);
    }
  });
});

describe('parseMessageIdList', () => {
  it('reads several ids in header order', () => {
    assert.deepEqual(parseMessageIdList('<a@x.io> <b@X.io>'), ['<a@x.io>', '<b@x.io>']);
  });

  it('reads folded values', () => {
    assert.deepEqual(parseMessageIdList('<a@x.io>\r\n <b@x.io>\r\n\t<c@x.io>'), ['<a@x.io>', '<b@x.io>', '<c@x.io>']);
  });

  it('merges several header instances and drops duplicates', () => {
    assert.deepEqual(parseMessageIdList(['<a@x.io> <b@x.io>', '<A@X.IO> <a@x.io>']), ['<a@x.io>', '<b@x.io>', '<A@x.io>']);
  });

  it('ignores comments and text around bracketed ids', () => {
    assert.deepEqual(parseMessageIdList('<a@x.io> (original message) "quoted" <b@x.io>,'), ['<a@x.io>', '<b@x.io>']);
  });

  it('accepts ids without brackets when none has them', () => {
    assert.deepEqual(parseMessageIdList('a@x.io, b@x.io (comment)'), ['<a@x.io>', '<b@x.io>']);
  });

  it('skips garbage entries and keeps the good ones', () => {
    assert.deepEqual(parseMessageIdList('<> <not an id> <ok@x.io> <@> <a@>'), ['<ok@x.io>']);
  });

  it('returns nothing for an absent or empty header', () => {
    assert.deepEqual(parseMessageIdList(undefined), []);
    assert.deepEqual(parseMessageIdList(''), []);
    assert.deepEqual(parseMessageIdList([]), []);
    assert.deepEqual(parseMessageIdList('just some words'), []);
  });
});
