import { Client, Connection } from '@temporalio/client';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@relance/config';
import { AuditRepository } from '@relance/db/repositories/audit.repository';
import { AuditTrail } from '@relance/privacy/audit-trail';
import {
  PrivacyRequestRepository, PrivacyRequestStaffActions, PrivacyRequestWorkflows, SubjectRowsRepository, SystemMailer,
} from '@relance/privacy/requests';
import { createDataConverter } from '@relance/temporal';

export interface ConsolePrivacyServices {
  actions: PrivacyRequestStaffActions;
  close(): Promise<void>;
}

/**
 * The same staff actions the API's routes call, wired by hand (the console has no Nest module
 * for them). The Temporal connection is lazy: the console starts, and shows requests, while
 * Temporal is down; live state then says so and actions still write the row first.
 */
export function consolePrivacyServices(config: AppConfig, dataSource: DataSource, logger: Logger): ConsolePrivacyServices {
  const connection = Connection.lazy({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace, dataConverter: createDataConverter(config) });
  const mailer = new SystemMailer(config);
  const actions = new PrivacyRequestStaffActions(
    config, new PrivacyRequestRepository(dataSource), new SubjectRowsRepository(dataSource),
    new PrivacyRequestWorkflows(config, client, logger), new AuditTrail(new AuditRepository(dataSource)), mailer,
  );
  return {
    actions,
    close: async () => {
      mailer.onModuleDestroy();
      await connection.close();
    },
  };
}
