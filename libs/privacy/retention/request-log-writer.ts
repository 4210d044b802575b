import { BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { APP_LOGGER, type Logger } from '@relance/observability';
import { RequestLogEntry, RequestLogRepository } from './request-log.repository';

/**
 * Collects request log rows in memory and writes them in one INSERT every flush interval, or
 * as soon as a batch is full, so a request never waits for the database. Flushed once more
 * before the application shuts down (before the database pool closes).
 */
@Injectable()
export class RequestLogWriter implements BeforeApplicationShutdown {
  private pending: RequestLogEntry[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    @Inject(RequestLogRepository) private readonly logs: RequestLogRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.flush(), config.requestLog.flushIntervalMs);
    // The timer alone must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  record(entry: RequestLogEntry): void {
    this.pending.push(entry);
    if (this.pending.length >= this.config.requestLog.batchSize) void this.flush();
  }

  /** Writes what is pending; resolves when it (and any flush before it) is done. Never rejects. */
  flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) {
      // One flush at a time, in order: the next waits for the previous.
      this.flushing = this.flushing.then(() => this.write(batch));
    }
    return this.flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async write(batch: RequestLogEntry[]): Promise<void> {
    try {
      await this.logs.insertMany(batch);
    } catch (error) {
      // Logging must never fail a request; the loss is said where operators look.
      this.logger.error({ err: error, rows: batch.length }, 'request log rows could not be written');
    }
  }
}
