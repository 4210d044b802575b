import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateStaffPassword, hashStaffPassword, passwordProblem, verifyStaffPassword } from './staff-password';

describe('staff passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashStaffPassword('a long enough password');
    assert.match(hash, /^\$argon2id\$v=19\$/);
    assert.equal(await verifyStaffPassword(hash, 'a long enough password'), true);
    assert.equal(await verifyStaffPassword(hash, 'a long enough passwore'), false);
    assert.equal(await verifyStaffPassword('not a hash', 'anything'), false);
  });

  it('generates 24-character one-time passwords that pass its own rules', () => {
    const password = generateStaffPassword();
    assert.match(password, /^[A-Za-z0-9_-]{24}$/);
    assert.equal(passwordProblem(password), null);
    assert.notEqual(generateStaffPassword(), password);
  });

  it('names what is wrong with a password', () => {
    assert.match(passwordProblem('short')!, /at least 12 characters/);
    assert.match(passwordProblem('x'.repeat(201))!, /at most 200 characters/);
    assert.match(passwordProblem('twelve chars\nmore')!, /one line/);
  });
});
