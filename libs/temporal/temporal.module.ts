import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { connectTemporalClient, TemporalClientHandle } from './client';

const TEMPORAL_HANDLE = Symbol('TEMPORAL_HANDLE');

/** Provides the shared Temporal Client (encrypting data converter) and closes it on shutdown. */
@Global()
@Module({
  providers: [
    { provide: TEMPORAL_HANDLE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => connectTemporalClient(config) },
    { provide: Client, inject: [TEMPORAL_HANDLE], useFactory: (handle: TemporalClientHandle) => handle.client },
  ],
  exports: [Client],
})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_HANDLE) private readonly handle: TemporalClientHandle) {}

  async onApplicationShutdown() {
    await this.handle.close();
  }
}
