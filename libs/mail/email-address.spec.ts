import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseDomain, normaliseEmail, WITHOUT_INVISIBLE_CHARACTERS } from './email-address';

describe('normaliseEmail', () => {
  it('gives the spellings of one address one form: case, spaces, Unicode forms, punycode', () => {
    const one = 'jos\u00e9@xn--exmple-cua.com';
    for (const spelling of [
      'jos\u00e9@ex\u00e4mple.com', // NFC
      'jose\u0301@exa\u0308mple.com', // NFD: e + combining acute, a + combining diaeresis
      'jos\u00e9@xn--exmple-cua.com', // the domain in punycode
      ' JOS\u00c9@EX\u00c4MPLE.COM ',
      'jos\u00e9@XN--EXMPLE-CUA.COM.',
    ]) {
      assert.equal(normaliseEmail(spelling), one, JSON.stringify(spelling));
    }
  });

  it('strips zero-width characters at the edges, and leaves those inside for validation to refuse', () => {
    for (const invisible of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
      assert.equal(normaliseEmail(`${invisible}ada@prospect.com${invisible}`), 'ada@prospect.com', escape(invisible));
      assert.equal(normaliseEmail(` ada@prospect.com${invisible} \n`), 'ada@prospect.com', escape(invisible));
      const inside = normaliseEmail(`ad${invisible}a@prospect.com`);
      assert.ok(!WITHOUT_INVISIBLE_CHARACTERS.test(inside), escape(invisible));
    }
    assert.ok(WITHOUT_INVISIBLE_CHARACTERS.test('jos\u00e9@xn--exmple-cua.com'));
  });

  it('keeps apart what may be different mailboxes, and leaves what is not an address alone', () => {
    const base = normaliseEmail('ada@example.com');
    for (const other of ['ada+news@example.com', 'a.da@example.com', 'ada@example.org']) assert.notEqual(normaliseEmail(other), base);
    assert.equal(normaliseEmail(' No-At-Sign '), 'no-at-sign');
  });
});

describe('normaliseDomain', () => {
  it('is lower-case ASCII without a trailing dot, or null when not a domain', () => {
    assert.equal(normaliseDomain('Ex\u00e4mple.COM.'), 'xn--exmple-cua.com');
    assert.equal(normaliseDomain('exa\u0308mple.com'), 'xn--exmple-cua.com');
    for (const bad of ['', ' ', 'a b.com', 'ada@example.com']) assert.equal(normaliseDomain(bad), null, bad);
  });
});
