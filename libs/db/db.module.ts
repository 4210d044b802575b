import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { createDataSource, createVaultDataSource } from './data-source';
import { REPOSITORIES } from './repositories';
import { EnrichmentProviderKeyRepository } from './repositories/enrichment-provider-key.repository';
import { MailboxSecretRepository, VAULT_DATA_SOURCE } from './repositories/mailbox-secret.repository';

/**
 * One pooled DataSource per process, and the repositories that own every query; and the vault's
 * own DataSource (VAULT_DATABASE_URL), which only MailboxSecretRepository uses.
 */
@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) =>
        createDataSource(config.database.url, { poolSize: config.database.poolSize }).initialize(),
    },
    {
      provide: VAULT_DATA_SOURCE,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => createVaultDataSource(config.vault.databaseUrl).initialize(),
    },
    MailboxSecretRepository,
    EnrichmentProviderKeyRepository,
    ...REPOSITORIES,
  ],
  exports: [DataSource, VAULT_DATA_SOURCE, MailboxSecretRepository, EnrichmentProviderKeyRepository, ...REPOSITORIES],
})
export class DbModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(VAULT_DATA_SOURCE) private readonly vault: DataSource,
  ) {}

  async onApplicationShutdown() {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    if (this.vault.isInitialized) await this.vault.destroy();
  }
}
