export * from './entities';
export * from './repositories';
export { createDataSource, createVaultDataSource } from './data-source';
export { DbModule } from './db.module';
export { runMigrations } from './migrate';
