import { Module } from '@nestjs/common';
import { ImportsModule } from '@relance/imports/imports.module';
import { AuditModule } from '../audit.module';
import { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import { WorkflowPurge } from './workflow-purge';

/** Erasure and workflow purge, for the API and the worker (DbModule, ConfigModule and TemporalModule are global). */
@Module({
  imports: [AuditModule, ImportsModule],
  providers: [ErasureRepository, ErasureService, WorkflowPurge],
  exports: [ErasureService, WorkflowPurge],
})
export class ErasureModule {}
