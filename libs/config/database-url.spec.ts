import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadDatabaseUrl } from './config';

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
