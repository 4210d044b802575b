import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig, ConsoleConfig, StaffLoginConfig } from '@relance/config';
import { AuditRepository } from '@relance/db/repositories/audit.repository';
import { ConsoleSessionRepository } from '@relance/db/repositories/console-session.repository';
import { OperationsRepository } from '@relance/db/repositories/operations.repository';
import { StaffRepository } from '@relance/db/repositories/staff.repository';
import { NestPinoLogger } from '@relance/observability';
import { OperationsService, WorkflowOverview } from '@relance/operations';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { PrivacyRequestRepository } from '@relance/privacy/requests/privacy-request.repository';
import { RetentionRunRepository } from '@relance/privacy/retention/retention-run.repository';
import { StaffLogin } from '@relance/staff/staff-login';
import { SubprocessorRegistry, SubprocessorRepository } from '@relance/subprocessors';
import { SUBPROCESSOR_NOTICE_WORKFLOW, subprocessorNoticeStart } from '@relance/temporal/contracts';
import { PayloadDecoder } from '@relance/temporal/remote-codec';
import { adminRouter } from './admin/admin-router';
import { createAdmin, ROOT_PATH } from './admin/admin-setup';
import { loadAdminJS } from './admin/adminjs-modules';
import { CODEC_PATH, codecRouter } from './codec/codec-router';
import { ConsoleModule } from './console.module';
import { consoleOutbound } from './console-outbound';
import { consolePrivacyActions } from './privacy/privacy-request-services';
import { consoleSupportServices } from './support/support-services';

export interface ConsoleAppOptions {
  config: ConsoleConfig;
  /** What the staff actions need: Temporal, Relance's own mailer, privacy deadlines, the suppression hash key. */
  app: AppConfig;
  login: StaffLoginConfig;
  dataSource: DataSource;
  logger: Logger;
}

/** The console, initialised but not listening: /health (Nest) and AdminJS at /admin. */
export async function createConsoleApp(options: ConsoleAppOptions): Promise<NestExpressApplication> {
  const { config, dataSource, logger } = options;
  const app = await NestFactory.create<NestExpressApplication>(ConsoleModule.forRoot(dataSource), {
    logger: new NestPinoLogger(logger),
    // AdminJS parses its own forms (express-formidable) and refuses a body read before it.
    bodyParser: false,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  const audit = new AuditTrail(new AuditRepository(dataSource));
  const staff = new StaffRepository(dataSource);
  const login = new StaffLogin(staff, audit, options.login);
  const modules = await loadAdminJS();
  const requests = new PrivacyRequestRepository(dataSource);
  const outbound = consoleOutbound(options.app);
  const privacy = consolePrivacyActions(options.app, dataSource, outbound, logger);
  const support = consoleSupportServices(options.app, dataSource, audit, outbound, logger);
  const operations = new OperationsService(
    new WorkflowOverview(outbound.client, options.app), new OperationsRepository(dataSource), new RetentionRunRepository(dataSource),
  );
  const registry = new SubprocessorRegistry(options.app, new SubprocessorRepository(dataSource), audit,
    (changeId) => outbound.client.workflow.start(SUBPROCESSOR_NOTICE_WORKFLOW, subprocessorNoticeStart(changeId)));
  const subprocessors = { registry, noticePeriodMs: options.app.subprocessors.noticePeriodMs };
  const admin = await createAdmin(modules, { dataSource, audit, login, requests, privacy, support, operations, subprocessors });
  const sessions = new ConsoleSessionRepository(dataSource);
  app.use(ROOT_PATH, adminRouter(modules, admin, config, { login, staff, sessions, requests, audit }) as never);
  app.use(CODEC_PATH, codecRouter(config, options.app.codec.corsOrigins, new PayloadDecoder(options.app.temporal), { staff, sessions }) as never);
  app.getHttpServer().on('close', () => void outbound.close());
  // Nothing but the console at the root: send staff to it.
  app.getHttpAdapter().get('/', (_request: unknown, response: { redirect(url: string): void }) => response.redirect(ROOT_PATH));
  await app.init();
  return app;
}
