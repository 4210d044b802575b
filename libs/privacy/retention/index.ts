export { browserFamily } from './browser-family';
export { LogArchives, type ArchiveFile } from './log-archives';
export { RequestLogRepository, type RequestLogEntry, type StoredRequestLog } from './request-log.repository';
export { RequestLogWriter } from './request-log-writer';
export { RequestLogModule } from './request-log.module';
export { RetentionJobs } from './retention-jobs';
export { RetentionModule } from './retention.module';
export { RetentionRunRepository } from './retention-run.repository';
export { ensureRetentionSchedules } from './retention-schedules';
