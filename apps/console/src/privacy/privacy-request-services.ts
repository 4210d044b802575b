import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@relance/config';
import { AuditRepository } from '@relance/db/repositories/audit.repository';
import { AuditTrail } from '@relance/privacy/audit-trail';
import {
  PrivacyRequestRepository, PrivacyRequestStaffActions, PrivacyRequestWorkflows, SubjectRowsRepository,
} from '@relance/privacy/requests';
import type { ConsoleOutbound } from '../console-outbound';

/**
 * The same staff actions the API's routes call, wired by hand (the console has no Nest module
 * for them). While Temporal is down, live state says so and actions still write the row first.
 */
export function consolePrivacyActions(
  config: AppConfig, dataSource: DataSource, outbound: ConsoleOutbound, logger: Logger,
): PrivacyRequestStaffActions {
  return new PrivacyRequestStaffActions(
    config, new PrivacyRequestRepository(dataSource), new SubjectRowsRepository(dataSource),
    new PrivacyRequestWorkflows(config, outbound.client, logger), new AuditTrail(new AuditRepository(dataSource)), outbound.mailer,
  );
}
