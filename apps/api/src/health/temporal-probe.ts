import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Connection } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '@relance/config';

/**
 * Asks the Temporal frontend for its system info over a connection of its own, without the
 * SDK's retry interceptor: a probe must fail fast, and a retry still scheduled when the app
 * shuts down would throw on the closed channel ("Channel has been shut down") and crash it.
 */
@Injectable()
export class TemporalProbe implements OnApplicationShutdown {
  private connection: Connection | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async ping(timeoutMs: number): Promise<void> {
    this.connection ??= Connection.lazy({ address: this.config.temporal.address, interceptors: [] });
    const connection = this.connection;
    await connection.withDeadline(Date.now() + timeoutMs, () => connection.workflowService.getSystemInfo({}));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection?.close();
  }
}
