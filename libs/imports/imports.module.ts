import { Module } from '@nestjs/common';
import { ImportFileErasure } from './import-file-erasure';
import { ImportFiles } from './import-files';
import { ImportJobRepository } from './import-job.repository';
import { ImportRunner } from './import-runner';

/** CSV imports' storage, queries and runner, for the API and the worker (DbModule and ConfigModule are global). */
@Module({
  providers: [ImportFiles, ImportJobRepository, ImportRunner, ImportFileErasure],
  exports: [ImportFiles, ImportJobRepository, ImportRunner, ImportFileErasure],
})
export class ImportsModule {}
