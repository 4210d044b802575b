import { Module } from '@nestjs/common';
import { ImportFiles } from './import-files';
import { ImportJobRepository } from './import-job.repository';
import { ImportRunner } from './import-runner';

/** CSV imports' storage, queries and runner, for the API and the worker (DbModule and ConfigModule are global). */
@Module({ providers: [ImportFiles, ImportJobRepository, ImportRunner], exports: [ImportFiles, ImportJobRepository, ImportRunner] })
export class ImportsModule {}
