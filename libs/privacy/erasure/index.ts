export { ErasureModule } from './erasure.module';
export { type ErasureActor, type ErasureReport, ErasureService } from './erasure.service';
export { ERASED_REASON, type ErasedRows, ErasureRepository } from './erasure.repository';
export { type PurgedWorkflows, WorkflowPurge } from './workflow-purge';
export { type ErasureStep, erasureSteps, replaySql, stepSql } from './erasure-plan';
