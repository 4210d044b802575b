import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConsoleConfig, loadStaffLoginConfig } from './console-config';

const SECRET = 'x'.repeat(32);

describe('console configuration', () => {
  it('listens on loopback:3100 by default, cookies not secure over plain http', () => {
    const config = loadConsoleConfig({ CONSOLE_SESSION_SECRET: SECRET });
    assert.deepEqual(config, {
      host: '127.0.0.1', port: 3100, publicUrl: 'http://127.0.0.1:3100', sessionSecret: SECRET,
      sessionTtlMs: 8 * 3_600_000, secureCookies: false, logLevel: 'info',
    });
  });

  it('makes cookies secure behind an https public URL', () => {
    const config = loadConsoleConfig({ CONSOLE_SESSION_SECRET: SECRET, CONSOLE_PUBLIC_URL: 'https://console.example.com/' });
    assert.equal(config.publicUrl, 'https://console.example.com');
    assert.equal(config.secureCookies, true);
  });

  it('names what is wrong: missing or short secret, a bad port, the API\'s port, a bad URL', () => {
    assert.throws(() => loadConsoleConfig({}), /CONSOLE_SESSION_SECRET is required/);
    assert.throws(() => loadConsoleConfig({ CONSOLE_SESSION_SECRET: 'short' }), /CONSOLE_SESSION_SECRET must be at least 32 characters/);
    assert.throws(() => loadConsoleConfig({ CONSOLE_SESSION_SECRET: SECRET, CONSOLE_PORT: '99999' }), /CONSOLE_PORT must be a port number/);
    assert.throws(() => loadConsoleConfig({ CONSOLE_SESSION_SECRET: SECRET, API_PORT: '3100' }), /CONSOLE_PORT must differ from API_PORT/);
    assert.throws(() => loadConsoleConfig({ CONSOLE_SESSION_SECRET: SECRET, CONSOLE_PUBLIC_URL: 'console' }), /CONSOLE_PUBLIC_URL must be an http\(s\) URL/);
  });

  it('locks staff out after 5 wrong passwords for 15 minutes unless told otherwise', () => {
    assert.deepEqual(loadStaffLoginConfig({}), { maxFailedLogins: 5, lockoutMs: 15 * 60_000 });
    assert.deepEqual(loadStaffLoginConfig({ STAFF_LOCKOUT: '1h', STAFF_MAX_FAILED_LOGINS: '3' }), { maxFailedLogins: 3, lockoutMs: 3_600_000 });
    assert.throws(() => loadStaffLoginConfig({ STAFF_LOCKOUT: 'soon' }), /STAFF_LOCKOUT "soon" is not a duration/);
  });
});
