import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from './config';

/** For the config specs: the smallest environment loadConfig accepts, with fresh keys. */
const key = () => `k1:${randomBytes(32).toString('base64')}`;
export const requiredEnv = (): NodeJS.ProcessEnv => ({
  DATABASE_URL: 'postgres://relance@db.internal:5432/relance',
  TEMPORAL_ADDRESS: 'temporal.internal:7233',
  TEMPORAL_PAYLOAD_KEYS: key(),
  VAULT_MASTER_KEYS: key(),
  TOKEN_SIGNING_KEYS: key(),
  SUPPRESSION_HASH_KEY: randomBytes(32).toString('base64'),
});

/** What loadConfig says is wrong with `env` on top of the required variables; fails the test when it accepts it. */
export function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig({ ...requiredEnv(), ...env });
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
  assert.fail('accepted');
}
