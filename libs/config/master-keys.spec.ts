import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { parseKeyRing } from './master-keys';

const b64 = (bytes: Buffer) => bytes.toString('base64');

describe('parseKeyRing', () => {
  it('reads one key', () => {
    const key = randomBytes(32);
    const ring = parseKeyRing(`k1:${b64(key)}`);
    assert.equal(ring.currentId, 'k1');
    assert.equal(ring.keys.size, 1);
    assert.ok(ring.keys.get('k1')?.equals(key));
  });

  it('makes the first key current and keeps the others for decryption', () => {
    const [newKey, oldKey, oldestKey] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const ring = parseKeyRing(`2025-06:${b64(newKey)},2024_12:${b64(oldKey)},v.0:${b64(oldestKey)}`);
    assert.equal(ring.currentId, '2025-06');
    assert.deepEqual([...ring.keys.keys()], ['2025-06', '2024_12', 'v.0']);
    assert.ok(ring.keys.get('2024_12')?.equals(oldKey));
    assert.ok(ring.keys.get('v.0')?.equals(oldestKey));
  });

  it('ignores spaces around entries and empty entries', () => {
    const [a, b] = [randomBytes(32), randomBytes(32)];
    const ring = parseKeyRing(` a:${b64(a)} , ,b:${b64(b)},`);
    assert.equal(ring.currentId, 'a');
    assert.deepEqual([...ring.keys.keys()], ['a', 'b']);
    assert.ok(ring.keys.get('b')?.equals(b));
  });

  it('refuses an empty ring', () => {
    assert.throws(() => parseKeyRing(''), /no key given/);
    assert.throws(() => parseKeyRing(' , '), /no key given/);
  });

  const key = b64(randomBytes(32));
  const badEntries: Array<[string, string]> = [
    ['no separator', key],
    ['an empty id', `:${key}`],
    ['a space in the id', `my key:${key}`],
    ['a slash in the id', `a/b:${key}`],
    ['an id over 32 characters', `${'k'.repeat(33)}:${key}`],
  ];
  for (const [what, entry] of badEntries) {
    it(`refuses an entry with ${what}`, () => {
      assert.throws(() => parseKeyRing(entry), /key entry must be "id:base64key"/);
    });
  }

  it('accepts an id of exactly 32 characters', () => {
    assert.equal(parseKeyRing(`${'k'.repeat(32)}:${key}`).currentId, 'k'.repeat(32));
  });

  for (const length of [0, 16, 31, 33, 64]) {
    it(`refuses a ${length}-byte key, naming its id`, () => {
      assert.throws(
        () => parseKeyRing(`ok:${key},short:${b64(randomBytes(length))}`),
        new RegExp(`key "short" must be 32 bytes of base64 \\(got ${length}\\)`),
      );
    });
  }

  it('refuses a hex key (64 characters decode to 48 bytes of base64)', () => {
    assert.throws(() => parseKeyRing(`k1:${randomBytes(32).toString('hex')}`), /got 48/);
  });

  it('refuses an id given twice', () => {
    assert.throws(() => parseKeyRing(`k1:${key},k2:${key},k1:${b64(randomBytes(32))}`), /key id "k1" appears twice/);
  });

  it('never repeats the key material in its errors', () => {
    const secret = b64(randomBytes(20));
    for (const text of [`k1:${secret}`, `bad id:${secret}`, `k1:${key},k1:${key}`]) {
      assert.throws(
        () => parseKeyRing(text),
        (error: unknown) => error instanceof Error && !error.message.includes(secret) && !error.message.includes(key),
      );
    }
  });
});
