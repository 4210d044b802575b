export * from './account-closure.repository';
export * from './account-closure.service';
export * from './account-export.service';
export * from './accounts.module';
export * from './closure-certificate';
export * from './csv-cells';
export * from './purge-plan';
