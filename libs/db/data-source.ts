import { Client, type ClientConfig } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES, VAULT_ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { VAULT_MIGRATIONS } from './vault-migrations';

/**
 * A pg client that always listens for its 'error' event. pg's pool listens only while a
 * client sits idle, TypeORM only once its query runner has the client: a connection that
 * PostgreSQL ends in between (a restart, a failover, pg_terminate_backend right after the
 * connection came up) emitted an 'error' nobody heard, and Node ended the whole process.
 * Nothing is hidden: the error still fails the query it interrupts, or the next one, and the
 * pool drops a client that is no longer queryable.
 */
class ListeningClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/** The schema changes only through migrations: synchronize stays off everywhere. */
export function createDataSource(databaseUrl: string, options: { poolSize?: number; applicationName?: string } = {}) {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    // gen_random_uuid() is built into PostgreSQL ≥ 13: no extension to install.
    uuidExtension: 'pgcrypto',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'relance',
    extra: { Client: ListeningClient },
  });
}

/**
 * The vault's own database (VAULT_DATABASE_URL): sealed mailbox credentials and nothing else,
 * with its own migrations. Only MailboxSecretRepository queries it.
 */
export function createVaultDataSource(vaultUrl: string, options: { poolSize?: number; applicationName?: string } = {}) {
  return new DataSource({
    type: 'postgres',
    url: vaultUrl,
    entities: VAULT_ENTITIES,
    migrations: VAULT_MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    poolSize: options.poolSize ?? 4,
    applicationName: options.applicationName ?? 'relance-vault',
    extra: { Client: ListeningClient },
  });
}
