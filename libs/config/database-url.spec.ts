import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig, loadDatabaseUrl, loadDatabaseUrls } from './config';
import { requiredEnv } from './config-spec-env';

const withSecretLogin = () => ({ ...requiredEnv(), DATABASE_URL: 'postgres://relance:secret@db.internal:5432/relance' });

describe('loadDatabaseUrl', () => {
  it('returns DATABASE_URL without requiring the other variables', () => {
    assert.equal(loadDatabaseUrl({ DATABASE_URL: 'postgres://relance@localhost/relance' }), 'postgres://relance@localhost/relance');
  });

  it('fails naming DATABASE_URL when it is missing or not a postgres URL', () => {
    for (const env of [{}, { DATABASE_URL: 'mysql://relance@localhost/relance' }, { DATABASE_URL: 'not a url' }]) {
      const error = (() => {
        try {
          loadDatabaseUrl(env);
        } catch (caught) {
          return caught;
        }
        assert.fail(`accepted ${JSON.stringify(env)}`);
      })();
      assert.ok(error instanceof ConfigError);
      assert.ok(error.problems.length > 0);
      for (const problem of error.problems) assert.match(problem, /^DATABASE_URL /);
    }
  });
});

describe('VAULT_DATABASE_URL', () => {
  it("defaults to the main database's name + _vault, same server and login", () => {
    assert.equal(loadConfig(withSecretLogin()).vault.databaseUrl, 'postgres://relance:secret@db.internal:5432/relance_vault');
    assert.deepEqual(loadDatabaseUrls({ DATABASE_URL: 'postgres://relance@localhost/relance?sslmode=require' }), {
      main: 'postgres://relance@localhost/relance?sslmode=require',
      vault: 'postgres://relance@localhost/relance_vault?sslmode=require',
    });
  });

  it('takes a database of its own, on another server too', () => {
    const vault = 'postgres://vault:other@vault.internal:6432/credentials';
    assert.equal(loadConfig({ ...withSecretLogin(), VAULT_DATABASE_URL: vault }).vault.databaseUrl, vault);
    assert.equal(loadDatabaseUrls({ DATABASE_URL: 'postgres://relance@localhost/relance', VAULT_DATABASE_URL: vault }).vault, vault);
  });

  it('fails naming VAULT_DATABASE_URL when it is not a postgres URL', () => {
    for (const value of ['mysql://relance@localhost/vault', 'not a url']) {
      assert.throws(
        () => loadConfig({ ...withSecretLogin(), VAULT_DATABASE_URL: value }),
        (error: unknown) => error instanceof ConfigError && /VAULT_DATABASE_URL/.test(error.message),
        value,
      );
    }
  });
});
