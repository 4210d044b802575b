/**
 * What `npm start` reads before the app's own configuration exists: which services the
 * user already runs. Anything unset is provided by the launcher (embedded defaults).
 */
export interface LauncherEnv {
  databaseUrl?: string;
  temporalAddress?: string;
  /** Where the launcher looks for the worker's pollers; the worker reads the same variable. */
  temporalNamespace: string;
  temporalCliPath?: string;
  temporalUiUrl?: string;
  /** The Dovecot binary of the demo mailbox; the usual places when unset. */
  dovecotPath?: string;
  apiPort: number;
  /** The staff console's port (CONSOLE_PORT, default 3100). */
  consolePort: number;
  /** Where local state lives (embedded PostgreSQL, Temporal's SQLite file, dev keys). */
  dataDir: string | undefined;
  /** The whole environment, handed on to the processes the launcher starts. */
  passThrough: NodeJS.ProcessEnv;
}

export function readLauncherEnv(env: NodeJS.ProcessEnv = process.env): LauncherEnv {
  const apiPort = env.API_PORT ? Number(env.API_PORT) : 3000;
  if (!Number.isInteger(apiPort) || apiPort < 0 || apiPort > 65_535) throw new Error(`API_PORT must be a port number`);
  // 3100 by default, 3101 when the API took 3100.
  const consolePort = env.CONSOLE_PORT ? Number(env.CONSOLE_PORT) : apiPort === 3100 ? 3101 : 3100;
  if (!Number.isInteger(consolePort) || consolePort < 0 || consolePort > 65_535) throw new Error(`CONSOLE_PORT must be a port number`);
  if (consolePort === apiPort) throw new Error(`CONSOLE_PORT must differ from API_PORT (${apiPort}): the console never shares the API's port`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE || 'default',
    temporalCliPath: env.TEMPORAL_CLI_PATH || undefined,
    temporalUiUrl: env.TEMPORAL_UI_URL || undefined,
    dovecotPath: env.DOVECOT_PATH || undefined,
    apiPort,
    consolePort,
    dataDir: env.RELANCE_DATA_DIR || undefined,
    passThrough: { ...env },
  };
}
