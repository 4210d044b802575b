import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readLauncherEnv } from '@relance/config';
import { runMigrations } from '@relance/db';
import { startAppProcess, stopAppProcess, waitForHealthy } from './launcher/app-process';
import { renderBanner } from './launcher/banner';
import { ensureDemoAccount } from './launcher/demo-account';
import { ensureDemoAdmin } from './launcher/demo-admin';
import { startDemoMailServers } from './launcher/demo-mail/demo-mail-servers';
import { setUpDemo } from './launcher/demo-mail/demo-setup';
import { loadDevSecrets, saveDevSecrets } from './launcher/dev-secrets';
import { LauncherApi } from './launcher/launcher-api';
import { preferredPort, providePostgres, provideTemporal, Service } from './launcher/services';
import { waitForWorker } from './launcher/worker-readiness';

/**
 * `npm start`: Relance on one machine with nothing installed by hand. Uses the services
 * the environment names, else local or embedded ones; migrates; starts the demo mail servers
 * (a catcher for what Relance sends, Dovecot for the demo mailbox's INBOX); runs API and
 * worker and the staff console (with a demo admin); sets up the demo mailbox, prospects and inbox page; prints where to click. Ctrl-C
 * stops everything it started, in reverse order.
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
    log('stopping… (the worker first lets running activities finish, up to WORKER_SHUTDOWN_GRACE, 30s by default)');
    await Promise.all(children.map(stopAppProcess));
    for (const service of services.reverse()) await service.stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const postgres = await providePostgres(env, dataDir, log);
    if (postgres.service) services.push(postgres.service);
    const apiUrl = `http://127.0.0.1:${env.apiPort}`;
    const consoleUrl = `http://127.0.0.1:${env.consolePort}`;
    // The Web UI decodes through the console's /codec, with the signed-in staff member's session.
    const temporal = await provideTemporal(env, root, dataDir, log, `${consoleUrl}/codec`);
    if (temporal.service) services.push(temporal.service);
    // The vault's database too (VAULT_DATABASE_URL, else `<database>_vault` beside it), created when missing.
    const applied = await runMigrations(postgres.url, env.passThrough.VAULT_DATABASE_URL || undefined);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');

    let secrets = loadDevSecrets(join(dataDir, 'secrets.json'));
    secrets = await ensureDemoAccount(postgres.url, secrets);
    saveDevSecrets(join(dataDir, 'secrets.json'), secrets);
    const demoAdmin = await ensureDemoAdmin(postgres.url, secrets);
    if (demoAdmin.created) log(`created the console's demo admin ${demoAdmin.email}`);
    // Before the worker: a demo mailbox from an earlier start begins syncing at once.
    const demoMail = await startDemoMailServers({
      dir: join(dataDir, 'demo-mail'),
      dovecotPath: env.dovecotPath,
      password: secrets.demoMailboxPassword,
      log,
    });
    services.push(demoMail);

    // The worker's /metrics and /health: its usual port when free, else any (printed below).
    const workerHttpPort = env.passThrough.WORKER_HTTP_PORT || String(await preferredPort(3001));
    const appEnv: NodeJS.ProcessEnv = {
      ...env.passThrough,
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_UI_URL: temporal.uiUrl ?? '',
      VAULT_MASTER_KEYS: env.passThrough.VAULT_MASTER_KEYS || secrets.vaultMasterKeys,
      TEMPORAL_PAYLOAD_KEYS: env.passThrough.TEMPORAL_PAYLOAD_KEYS || secrets.temporalPayloadKeys,
      TOKEN_SIGNING_KEYS: env.passThrough.TOKEN_SIGNING_KEYS || secrets.tokenSigningKeys,
      SUPPRESSION_HASH_KEY: env.passThrough.SUPPRESSION_HASH_KEY || secrets.suppressionHashKey,
      PRIVACY_CERTIFICATE_KEYS: env.passThrough.PRIVACY_CERTIFICATE_KEYS || secrets.privacyCertificateKeys,
      API_PORT: String(env.apiPort),
      WORKER_HTTP_PORT: workerHttpPort,
      // The demo mailbox's servers are on this machine; a user's own choice stands.
      MAIL_PRIVATE_HOSTS: env.passThrough.MAIL_PRIVATE_HOSTS || 'allow',
    };
    if (!appEnv.TEMPORAL_UI_URL) delete appEnv.TEMPORAL_UI_URL;
    const api = startAppProcess('api', join(root, 'dist/apps/api/src/main.js'), appEnv);
    const worker = startAppProcess('worker', join(root, 'dist/apps/worker/src/main.js'), appEnv);
    // AdminJS bundles the console's components into this folder: emptied so no earlier version's bundle is served.
    const adminJsDir = join(dataDir, 'adminjs');
    rmSync(adminJsDir, { recursive: true, force: true });
    const consoleProcess = startAppProcess('console', join(root, 'dist/apps/console/src/main.js'), {
      ...appEnv,
      CONSOLE_PORT: String(env.consolePort),
      CONSOLE_SESSION_SECRET: env.passThrough.CONSOLE_SESSION_SECRET || secrets.consoleSessionSecret,
      ADMIN_JS_TMP_DIR: adminJsDir,
    });
    children.push(api, worker, consoleProcess);
    await waitForHealthy(`${apiUrl}/health`, api);
    await waitForHealthy(`${consoleUrl}/health`, consoleProcess, 60_000, 'the console');
    await waitForWorker(worker, temporal.address, env.temporalNamespace);
    const demo = await setUpDemo({
      api: new LauncherApi(apiUrl, secrets.demoApiKey!),
      databaseUrl: postgres.url,
      servers: demoMail,
      log,
    });
    services.push(demo.inbox);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`ready in ${seconds}s`);
    process.stdout.write(renderBanner({
      apiUrl,
      workerUrl: `http://127.0.0.1:${workerHttpPort}`,
      temporalUiUrl: temporal.uiUrl,
      apiKey: secrets.demoApiKey!,
      console: { url: `${consoleUrl}/admin`, email: demoAdmin.email, password: demoAdmin.password },
      inboxUrl: demo.inbox.url,
      prospects: demo.prospects,
      mailbox: demo.mailbox,
    }));
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
