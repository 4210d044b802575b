import { Module } from '@nestjs/common';
import { RequestLogRepository } from './request-log.repository';
import { RetentionJobs } from './retention-jobs';
import { RetentionRunRepository } from './retention-run.repository';
import { RetentionRepository } from './retention.repository';

/** The retention jobs, for the worker (DbModule, config and logger are global). */
@Module({
  providers: [RequestLogRepository, RetentionRepository, RetentionRunRepository, RetentionJobs],
  exports: [RetentionJobs],
})
export class RetentionModule {}
