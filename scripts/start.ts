import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readLauncherEnv } from '../libs/config';
import { runMigrations } from '../libs/db';
import { startAppProcess, stopAppProcess, waitForHealthy } from './launcher/app-process';
import { ensureDemoAccount } from './launcher/demo-account';
import { loadDevSecrets, saveDevSecrets } from './launcher/dev-secrets';
import { providePostgres, provideTemporal, Service } from './launcher/services';

/**
 * `npm start`: Relance on one machine with nothing installed by hand. Uses the services
 * the environment names, else local or embedded ones; migrates; runs API and worker;
 * prints where to click. Ctrl-C stops everything it started, in reverse order.
 */
const root = resolve(__dirname, '..', '..');
const log = (line: string) => process.stdout.write(`[relance] ${line}\n`);

async function main() {
  const started = Date.now();
  const env = readLauncherEnv();
  const dataDir = resolve(env.dataDir ?? join(root, '.data'));
  mkdirSync(dataDir, { recursive: true });
  const services: Service[] = [];
  const children: ReturnType<typeof startAppProcess>[] = [];
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await Promise.all(children.map(stopAppProcess));
    for (const service of services.reverse()) await service.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const postgres = await providePostgres(env, dataDir, log);
    if (postgres.service) services.push(postgres.service);
    const temporal = await provideTemporal(env, root, dataDir, log);
    if (temporal.service) services.push(temporal.service);
    const applied = await runMigrations(postgres.url);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');

    let secrets = loadDevSecrets(join(dataDir, 'secrets.json'));
    secrets = await ensureDemoAccount(postgres.url, secrets);
    saveDevSecrets(join(dataDir, 'secrets.json'), secrets);

    const apiUrl = `http://127.0.0.1:${env.apiPort}`;
    const appEnv: NodeJS.ProcessEnv = {
      ...env.passThrough,
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_UI_URL: temporal.uiUrl ?? '',
      VAULT_MASTER_KEYS: env.passThrough.VAULT_MASTER_KEYS || secrets.vaultMasterKeys,
      TEMPORAL_PAYLOAD_KEYS: env.passThrough.TEMPORAL_PAYLOAD_KEYS || secrets.temporalPayloadKeys,
      TOKEN_SIGNING_KEYS: env.passThrough.TOKEN_SIGNING_KEYS || secrets.tokenSigningKeys,
      SUPPRESSION_HASH_KEY: env.passThrough.SUPPRESSION_HASH_KEY || secrets.suppressionHashKey,
      API_PORT: String(env.apiPort),
      MAIL_PRIVATE_HOSTS: env.passThrough.MAIL_PRIVATE_HOSTS || 'allow', // the demo's mail servers are on this machine
    };
    if (!appEnv.TEMPORAL_UI_URL) delete appEnv.TEMPORAL_UI_URL;
    const api = startAppProcess('api', join(root, 'dist/apps/api/src/main.js'), appEnv);
    children.push(api, startAppProcess('worker', join(root, 'dist/apps/worker/src/main.js'), appEnv));
    await waitForHealthy(`${apiUrl}/health`, api);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`ready in ${seconds}s`);
    process.stdout.write(
      [
        '',
        `  API          ${apiUrl}/v1`,
        `  API docs     ${apiUrl}/docs`,
        `  Health       ${apiUrl}/health`,
        `  Temporal UI  ${temporal.uiUrl ?? '(external Temporal: see your own UI)'}`,
        `  Demo API key ${secrets.demoApiKey}`,
        '',
        `  Try: curl -H "Authorization: Bearer ${secrets.demoApiKey}" ${apiUrl}/v1/campaigns`,
        '  Ctrl-C stops everything.',
        '',
      ].join('\n'),
    );
    for (const child of children) {
      child.once('exit', (code) => {
        if (!stopping) {
          log(`a process exited unexpectedly (code ${code}); stopping`);
          void stopAll(1);
        }
      });
    }
  } catch (error) {
    log(`could not start: ${(error as Error).message}`);
    await stopAll(1);
  }
}

void main();
