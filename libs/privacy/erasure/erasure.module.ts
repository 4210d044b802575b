import { Module } from '@nestjs/common';
import { AuditTrail } from '../audit-trail';
import { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import { WorkflowPurge } from './workflow-purge';

/** Erasure and workflow purge, for the API and the worker (DbModule, ConfigModule and TemporalModule are global). */
@Module({
  providers: [ErasureRepository, ErasureService, WorkflowPurge, AuditTrail],
  exports: [ErasureService, WorkflowPurge],
})
export class ErasureModule {}
