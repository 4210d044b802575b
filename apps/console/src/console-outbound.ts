import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '@relance/config';
import { SystemMailer } from '@relance/privacy/requests/system-mailer';
import { createDataConverter } from '@relance/temporal';

/** What the console's staff actions reach beyond the database: Temporal and Relance's own mailbox. */
export interface ConsoleOutbound {
  client: Client;
  mailer: SystemMailer;
}

/**
 * One Temporal connection and one system mailer for every staff action of the console. The
 * connection is lazy: the console starts, and shows its screens, while Temporal is down.
 */
export function consoleOutbound(config: AppConfig): ConsoleOutbound & { close(): Promise<void> } {
  const connection = Connection.lazy({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: createDataConverter(config) });
  const mailer = new SystemMailer(config);
  return {
    client,
    mailer,
    close: async () => {
      mailer.onModuleDestroy();
      await connection.close();
    },
  };
}
