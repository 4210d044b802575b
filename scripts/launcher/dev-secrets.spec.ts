import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parseKeyRing, parseSingleKey } from '@relance/config/master-keys';
import { loadDevSecrets } from './dev-secrets';

describe('loadDevSecrets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relance-secrets-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('generates every key the config needs on first start, readable by its parsers, mode 0600', () => {
    const file = join(dir, 'fresh.json');
    const secrets = loadDevSecrets(file);
    for (const ring of [secrets.vaultMasterKeys, secrets.temporalPayloadKeys, secrets.tokenSigningKeys]) {
      assert.equal(parseKeyRing(ring).keys.size, 1);
    }
    assert.equal(parseSingleKey(secrets.suppressionHashKey).length, 32);
    assert.equal(parseKeyRing(secrets.privacyCertificateKeys).currentId, 'dev1');
    assert.match(secrets.demoMailboxPassword, /^[A-Za-z0-9_-]{24}$/, 'a password Dovecot\'s passwd-file can hold');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(loadDevSecrets(file), secrets, 'the second start reads the same keys');
  });

  it('adds the keys an older secrets file lacks and keeps everything it had', () => {
    const file = join(dir, 'old.json');
    const old = { vaultMasterKeys: 'dev1:old-vault', temporalPayloadKeys: 'dev1:old-payload', demoApiKey: 'rl_live_x', demoAccountId: 'a1' };
    writeFileSync(file, JSON.stringify(old));
    const secrets = loadDevSecrets(file);
    const added = {
      tokenSigningKeys: undefined, suppressionHashKey: undefined, privacyCertificateKeys: undefined, demoMailboxPassword: undefined,
      consoleSessionSecret: undefined, demoAdminPassword: undefined,
    };
    assert.deepEqual({ ...secrets, ...added }, { ...old, ...added });
    assert.equal(parseKeyRing(secrets.tokenSigningKeys).currentId, 'dev1');
    assert.equal(parseSingleKey(secrets.suppressionHashKey).length, 32);
    assert.ok(secrets.demoMailboxPassword);
    assert.ok(secrets.consoleSessionSecret.length >= 32, 'CONSOLE_SESSION_SECRET wants 32 characters or more');
    assert.match(secrets.demoAdminPassword, /^[A-Za-z0-9_-]{24}$/);
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), secrets, 'the added keys are saved');
  });
});
