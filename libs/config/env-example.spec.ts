import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from './config';
import { readLauncherEnv } from './launcher-env';

// Compiled to dist/libs/config/: the repository root is three levels up.
const root = join(__dirname, '..', '..', '..');

/** The names of the variables `read` looks at, recorded through a proxy of an empty environment. */
function variablesReadBy(read: (env: NodeJS.ProcessEnv) => unknown): string[] {
  const seen = new Set<string>();
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get(target, name) {
      if (typeof name === 'string') seen.add(name);
      return Reflect.get(target, name);
    },
  });
  try {
    read(env);
  } catch {
    // An empty environment is invalid; only the names read matter here.
  }
  return [...seen].filter((name) => /^[A-Z][A-Z0-9_]*$/.test(name));
}

describe('.env.example and docker-compose.yml', () => {
  const appVariables = variablesReadBy(loadConfig);
  const launcherVariables = variablesReadBy(readLauncherEnv);

  it('sees the variables the config reads', () => {
    // Guards the proxy trick itself: if it stopped seeing reads, the checks below would pass vacuously.
    const expected = [
      'DATABASE_URL', 'TEMPORAL_ADDRESS', 'VAULT_MASTER_KEYS', 'TEMPORAL_PAYLOAD_KEYS', 'TOKEN_SIGNING_KEYS',
      'SUPPRESSION_HASH_KEY', 'UNSUBSCRIBE_TOKEN_TTL', 'API_PORT',
    ];
    for (const name of expected) {
      assert.ok(appVariables.includes(name), name);
    }
    assert.ok(launcherVariables.includes('TEMPORAL_CLI_PATH'));
  });

  it('.env.example documents every variable of the API, the worker and the launcher', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]));
    const missing = [...new Set([...appVariables, ...launcherVariables])].filter((name) => !documented.has(name));
    assert.deepEqual(missing, []);
  });

  it('.env.example sets nothing by default (unset takes the default; empty would be an error)', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    assert.deepEqual(example.split('\n').filter((line) => /^[A-Z]/.test(line)), []);
  });

  it('docker-compose.yml hands every config variable to the API and the workers', () => {
    const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    const block = /^x-relance-environment: &relance-environment\n((?: {2}.*\n)+)/m.exec(compose);
    assert.ok(block, 'the shared x-relance-environment block');
    const passed = new Set([...block[1].matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1]));
    assert.deepEqual(appVariables.filter((name) => !passed.has(name)), []);
    assert.equal(compose.match(/environment: \*relance-environment/g)?.length, 2, 'api and worker use the block');
  });
});
