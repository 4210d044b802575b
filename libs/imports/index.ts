export * from './column-mapping';
export * from './csv-analysis';
export * from './csv-records';
export * from './import-files';
export * from './import-job.repository';
export * from './import-runner';
export * from './imports.module';
export * from './text-encoding';
