import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readLauncherEnv } from './launcher-env';

describe('readLauncherEnv', () => {
  it('leaves every service to the launcher when nothing is set', () => {
    const env = readLauncherEnv({});
    assert.deepEqual(
      { ...env, passThrough: undefined },
      {
        databaseUrl: undefined, temporalAddress: undefined, temporalNamespace: 'default', temporalCliPath: undefined, temporalUiUrl: undefined,
        dovecotPath: undefined, apiPort: 3000, consolePort: 3100, dataDir: undefined, passThrough: undefined,
      },
    );
  });

  it('reads the services the user runs, and treats an empty value as unset', () => {
    const env = readLauncherEnv({
      DATABASE_URL: 'postgres://u@db/relance', TEMPORAL_ADDRESS: 'temporal:7233', DOVECOT_PATH: '/opt/dovecot/sbin/dovecot',
      TEMPORAL_CLI_PATH: '', API_PORT: '3100', RELANCE_DATA_DIR: '/var/relance', TEMPORAL_NAMESPACE: 'relance',
    });
    assert.equal(env.temporalNamespace, 'relance');
    assert.equal(env.databaseUrl, 'postgres://u@db/relance');
    assert.equal(env.temporalAddress, 'temporal:7233');
    assert.equal(env.dovecotPath, '/opt/dovecot/sbin/dovecot');
    assert.equal(env.temporalCliPath, undefined);
    assert.equal(env.apiPort, 3100);
    assert.equal(env.consolePort, 3101, 'the console moves off the port the API took');
    assert.equal(env.dataDir, '/var/relance');
    assert.equal(env.passThrough.DOVECOT_PATH, '/opt/dovecot/sbin/dovecot', 'the whole environment is handed on');
  });

  it('fails naming API_PORT when it is not a port', () => {
    assert.throws(() => readLauncherEnv({ API_PORT: '70000' }), /API_PORT must be a port number/);
  });

  it('keeps the console off the API\'s port', () => {
    assert.equal(readLauncherEnv({ CONSOLE_PORT: '4000' }).consolePort, 4000);
    assert.throws(() => readLauncherEnv({ CONSOLE_PORT: 'x' }), /CONSOLE_PORT must be a port number/);
    assert.throws(() => readLauncherEnv({ API_PORT: '4000', CONSOLE_PORT: '4000' }), /CONSOLE_PORT must differ from API_PORT \(4000\)/);
  });
});
