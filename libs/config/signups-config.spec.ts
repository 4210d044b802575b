import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config';
import { problemsOf, requiredEnv } from './config-spec-env';

describe('configuration of sign-ups and invitations', () => {
  it('defaults: tokens for a day, invitations for a week, a brake of 20 per IP and 3 per address an hour', () => {
    assert.deepEqual(loadConfig(requiredEnv()).signups, {
      signupTokenTtlMs: 86_400_000,
      invitationTtlMs: 7 * 86_400_000,
      publicLimits: { perIp: 20, perEmail: 3, windowMs: 3_600_000 },
    });
  });

  it('maps every variable', () => {
    const { signups } = loadConfig({
      ...requiredEnv(),
      SIGNUP_TOKEN_TTL: '2h', INVITATION_TTL: '3d', SIGNUP_LIMIT_PER_IP: '50', SIGNUP_LIMIT_PER_EMAIL: '5', SIGNUP_LIMIT_WINDOW: '10m',
    });
    assert.deepEqual(signups, {
      signupTokenTtlMs: 2 * 3_600_000, invitationTtlMs: 3 * 86_400_000, publicLimits: { perIp: 50, perEmail: 5, windowMs: 600_000 },
    });
  });

  it('refuses malformed values, naming the variable', () => {
    assert.deepEqual(problemsOf({ SIGNUP_TOKEN_TTL: 'soon' }), ['SIGNUP_TOKEN_TTL "soon" is not a duration (examples: 30s, 5m, 2h, 90d)']);
    assert.deepEqual(problemsOf({ SIGNUP_LIMIT_PER_IP: '0' }).length, 1);
    assert.match(problemsOf({ SIGNUP_LIMIT_PER_EMAIL: 'many' })[0], /^SIGNUP_LIMIT_PER_EMAIL /);
    assert.match(problemsOf({ INVITATION_TTL: '10ms' })[0], /^INVITATION_TTL must be at least 1000 ms/);
  });
});
