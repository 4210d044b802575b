import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { domainAndParents, emailDomain, hashEmail, normaliseDomain, normaliseEmail, suppressionKeysFor } from './suppression-keys';

const key = randomBytes(32);

describe('hashEmail', () => {
  it('is the hex HMAC-SHA256 of the normalised address under the key', () => {
    const expected = createHmac('sha256', key).update('ada@example.com').digest('hex');
    assert.equal(hashEmail(key, 'ada@example.com'), expected);
    assert.match(expected, /^[0-9a-f]{64}$/);
  });

  it('gives one hash for the spellings of one address (case, spaces, Unicode forms, punycode)', () => {
    const same = ['Ada@Example.COM', '  ada@example.com\n', 'ADA@EXAMPLE.COM.'];
    for (const spelling of same) assert.equal(hashEmail(key, spelling), hashEmail(key, 'ada@example.com'), spelling);
    // "ü" composed (NFC) and decomposed (u + combining diaeresis); the IDN domain and its punycode.
    assert.equal(hashEmail(key, 'j\u00fcrgen@b\u00fccher.de'), hashEmail(key, 'ju\u0308rgen@xn--bcher-kva.de'));
  });

  it('keeps apart what may be different mailboxes (sub-addresses, dots, another domain)', () => {
    const base = hashEmail(key, 'ada@example.com');
    for (const other of ['ada+news@example.com', 'a.da@example.com', 'ada@example.org', 'ada@mail.example.com']) {
      assert.notEqual(hashEmail(key, other), base, other);
    }
  });

  it('depends on the key: without it the hash cannot be recomputed from a guessed address', () => {
    assert.notEqual(hashEmail(randomBytes(32), 'ada@example.com'), hashEmail(key, 'ada@example.com'));
  });
});

describe('domains', () => {
  it('normalises to lower-case ASCII without a trailing dot, or null when not a domain', () => {
    assert.equal(normaliseDomain(' Example.COM. '), 'example.com');
    assert.equal(normaliseDomain('bücher.de'), 'xn--bcher-kva.de');
    for (const bad of ['', ' ', 'a b.com', 'ada@example.com', 'example.com/path']) assert.equal(normaliseDomain(bad), null, bad);
  });

  it('reads the domain of an address, after its last @', () => {
    assert.equal(emailDomain('"odd@local"@Sub.Example.com'), 'sub.example.com');
    assert.equal(emailDomain('no-at-sign'), null);
    assert.equal(normaliseEmail(' Ada@Bücher.DE '), 'ada@xn--bcher-kva.de');
  });

  it('lists a domain and its parents, never the bare top-level domain', () => {
    assert.deepEqual(domainAndParents('a.b.example.com'), ['a.b.example.com', 'b.example.com', 'example.com']);
    assert.deepEqual(domainAndParents('example.com'), ['example.com']);
    assert.deepEqual(domainAndParents('localhost'), ['localhost']);
  });

  it('gives the claim the hash and the domains to look up', () => {
    assert.deepEqual(suppressionKeysFor(key, 'Ada@EU.Example.com'), {
      emailHash: hashEmail(key, 'ada@eu.example.com'),
      domains: ['eu.example.com', 'example.com'],
    });
    assert.deepEqual(suppressionKeysFor(key, 'broken').domains, []);
  });
});
