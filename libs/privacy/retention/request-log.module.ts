import { Module } from '@nestjs/common';
import { RequestLogRepository } from './request-log.repository';
import { RequestLogWriter } from './request-log-writer';

/** The API's batched request log writer (the middleware takes it from the application). */
@Module({ providers: [RequestLogRepository, RequestLogWriter], exports: [RequestLogWriter] })
export class RequestLogModule {}
