import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { KeyRing } from '@relance/config';
import { SealedSecret, Vault } from './vault';

function ring(currentId: string, keys: Record<string, Buffer>): KeyRing {
  return { currentId, keys: new Map(Object.entries(keys)) };
}

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const PASSWORD = 'correct horse battery staple';
const ROW = 'mailbox-3f1c9a2e';

/** A copy of the record with one bit of one field flipped at `index` (negative counts from the end). */
function flipBit(secret: SealedSecret, field: 'wrappedKey' | 'ciphertext', index: number): SealedSecret {
  const bytes = Buffer.from(secret[field]);
  bytes[index < 0 ? bytes.length + index : index] ^= 0x01;
  return { ...secret, [field]: bytes };
}

describe('Vault', () => {
  const vault = new Vault(ring('k1', { k1: oldKey }));

  it('opens what it sealed', () => {
    const sealed = vault.seal(PASSWORD, ROW);
    assert.equal(sealed.keyId, 'k1');
    assert.equal(vault.open(sealed, ROW), PASSWORD);
  });

  it('round-trips the empty string and non-ASCII text', () => {
    for (const text of ['', 'pässwörd 🔑 パスワード', 'x'.repeat(10_000)]) {
      assert.equal(vault.open(vault.seal(text, ROW), ROW), text);
    }
  });

  it('does not store the plaintext, and never the same bytes twice', () => {
    const first = vault.seal(PASSWORD, ROW);
    const second = vault.seal(PASSWORD, ROW);
    for (const sealed of [first, second]) {
      assert.equal(sealed.ciphertext.includes(Buffer.from(PASSWORD)), false);
      assert.equal(sealed.wrappedKey.includes(Buffer.from(PASSWORD)), false);
      assert.equal(sealed.wrappedKey.includes(oldKey), false);
    }
    assert.notDeepEqual(first.ciphertext, second.ciphertext);
    assert.notDeepEqual(first.wrappedKey, second.wrappedKey);
  });

  it('does not open under another context (a record copied onto another row)', () => {
    const sealed = vault.seal(PASSWORD, ROW);
    assert.throws(() => vault.open(sealed, 'mailbox-other'));
    assert.throws(() => vault.open(sealed, ''));
  });

  it('does not open a tampered ciphertext (IV, tag or body)', () => {
    const sealed = vault.seal(PASSWORD, ROW);
    for (const index of [0, 12, 28, -1]) {
      assert.throws(() => vault.open(flipBit(sealed, 'ciphertext', index), ROW));
    }
    assert.throws(() => vault.open({ ...sealed, ciphertext: sealed.ciphertext.subarray(0, 20) }, ROW), /too short/);
  });

  it('does not open with a tampered wrapped key', () => {
    const sealed = vault.seal(PASSWORD, ROW);
    for (const index of [0, 12, 28, -1]) {
      assert.throws(() => vault.open(flipBit(sealed, 'wrappedKey', index), ROW));
    }
  });

  it('does not open when the wrapped key of another record is swapped in', () => {
    const sealed = vault.seal(PASSWORD, ROW);
    const other = vault.seal(PASSWORD, ROW);
    assert.throws(() => vault.open({ ...sealed, wrappedKey: other.wrappedKey }, ROW));
  });

  it('does not open when the record claims another key id of the ring', () => {
    const both = new Vault(ring('k1', { k1: oldKey, k2: newKey }));
    const sealed = both.seal(PASSWORD, ROW);
    assert.throws(() => both.open({ ...sealed, keyId: 'k2' }, ROW));
  });

  it('does not open under another master key with the same id', () => {
    const sealed = vault.seal(PASSWORD, ROW);
    assert.throws(() => new Vault(ring('k1', { k1: newKey })).open(sealed, ROW));
  });

  it('names an unknown key id and the variable to set', () => {
    const sealed = vault.seal(PASSWORD, ROW);
    const stranger = new Vault(ring('k9', { k9: newKey }));
    assert.throws(() => stranger.open(sealed, ROW), /"k1" is not configured \(VAULT_MASTER_KEYS\)/);
    assert.throws(() => stranger.rewrap(sealed, ROW), /"k1" is not configured/);
  });

  it('refuses to seal when the current key id is not in the ring', () => {
    assert.throws(() => new Vault(ring('k2', { k1: oldKey })).seal(PASSWORD, ROW), /"k2" is not configured/);
  });

  describe('rotation', () => {
    const before = new Vault(ring('k1', { k1: oldKey }));
    const during = new Vault(ring('k2', { k2: newKey, k1: oldKey }));
    const after = new Vault(ring('k2', { k2: newKey }));

    it('opens records sealed under the previous key and flags them for re-wrapping', () => {
      const sealed = before.seal(PASSWORD, ROW);
      assert.equal(during.open(sealed, ROW), PASSWORD);
      assert.equal(during.needsRewrap(sealed), true);
      assert.equal(before.needsRewrap(sealed), false);
    });

    it('seals new records under the new key', () => {
      const sealed = during.seal(PASSWORD, ROW);
      assert.equal(sealed.keyId, 'k2');
      assert.equal(during.needsRewrap(sealed), false);
      assert.equal(after.open(sealed, ROW), PASSWORD);
    });

    it('re-wraps under the new key so the old key can be retired', () => {
      const sealed = before.seal(PASSWORD, ROW);
      const rewrapped = during.rewrap(sealed, ROW);
      assert.equal(rewrapped.keyId, 'k2');
      assert.equal(during.needsRewrap(rewrapped), false);
      assert.deepEqual(rewrapped.ciphertext, sealed.ciphertext);
      assert.notDeepEqual(rewrapped.wrappedKey, sealed.wrappedKey);
      assert.equal(after.open(rewrapped, ROW), PASSWORD);
      assert.throws(() => after.open(sealed, ROW), /"k1" is not configured/);
      assert.throws(() => before.open(rewrapped, ROW), /"k2" is not configured/);
    });

    it('does not re-wrap under the wrong context', () => {
      const sealed = before.seal(PASSWORD, ROW);
      assert.throws(() => during.rewrap(sealed, 'mailbox-other'));
    });

    it('binds the re-wrapped key to its context too', () => {
      const rewrapped = during.rewrap(before.seal(PASSWORD, ROW), ROW);
      assert.throws(() => after.open(rewrapped, 'mailbox-other'));
    });
  });
});
