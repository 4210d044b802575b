import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '@relance/config';
import { createDataConverter } from './data-converter';

export interface TemporalClientHandle {
  client: Client;
  close(): Promise<void>;
}

/** Connects a Temporal client with the shared (encrypting) data converter. */
export async function connectTemporalClient(config: Pick<AppConfig, 'temporal'>): Promise<TemporalClientHandle> {
  const connection = await Connection.connect({ address: config.temporal.address, connectTimeout: '10s' });
  const client = new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: createDataConverter(config),
  });
  return { client, close: () => connection.close() };
}
