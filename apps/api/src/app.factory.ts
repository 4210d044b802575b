import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { parse as parseContentType } from 'content-type';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import type { AppConfig } from '@relance/config';
import { createLogger, NestPinoLogger } from '@relance/observability';
import { RequestLogWriter } from '@relance/privacy/retention/request-log-writer';
import { codecCors } from '@relance/temporal/remote-codec';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { refuseDeepJson } from './common/refuse-deep-json';
import { requestLog } from './common/request-log.middleware';
import { assignRequestId, runInRequestContext } from './common/request-id.middleware';
import { ApiMetrics } from './metrics/api-metrics';
import { createValidationPipe } from './common/validation.pipe';
import { setupOpenApi } from './openapi';

/** 1000 prospects with custom fields do not fit in body-parser's default 100 kB. */
const JSON_BODY_LIMIT = '5mb';

/** Stripe's webhook is verified on the bytes it signed: its body is kept raw (a Buffer), never parsed here. */
export const STRIPE_WEBHOOK_PATH = '/v1/billing/webhook';
const isStripeWebhook = (request: IncomingMessage) => request.url?.split('?')[0] === STRIPE_WEBHOOK_PATH;

/**
 * The REST API speaks only JSON: a body sent without `Content-Type: application/json` (curl's
 * `-d` alone says form-urlencoded) is read as JSON anyway, so it works or gets "not valid JSON"
 * instead of field errors about a body that was never read. Elsewhere (the one-click
 * unsubscribe takes a form), only declared JSON is parsed. Multipart uploads are left to their route.
 */
function readsAsJson(request: IncomingMessage): boolean {
  // An upload (CSV imports) is streamed by its route, never read here.
  if (/^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) return false;
  if (isStripeWebhook(request)) return false;
  // The codec protocol is JSON too, whatever a client's Content-Type says.
  if (request.url?.startsWith('/v1/') || request.url?.startsWith('/codec/')) return true;
  return parseContentType(request.headers['content-type'] ?? '', { parameters: false }).type === 'application/json';
}

/**
 * Builds the HTTP application, initialised but not listening: main.ts listens on the
 * configured address, tests on port 0.
 */
export async function createApiApp(
  config: AppConfig,
  options: { logger?: Logger } = {},
): Promise<NestExpressApplication> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, service: 'api' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    logger: new NestPinoLogger(logger),
    bodyParser: false,
    // Fail with an exception the caller can report, not process.exit().
    abortOnError: false,
  });
  app.disable('x-powered-by');
  // Who may set the client address that tracking anonymises (request.ip): the socket unless configured.
  app.set('trust proxy', config.api.trustProxy);
  app.use(assignRequestId);
  app.use(requestLog(logger, app.get(RequestLogWriter), app.get(ApiMetrics)));
  // Before the body parser: a preflight has no body, and a refused origin needs none read.
  app.use('/codec', codecCors(config.codec.corsOrigins));
  app.useBodyParser('raw', { limit: '1mb', type: isStripeWebhook });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, type: readsAsJson, verify: refuseDeepJson(config.api.maxJsonDepth) });
  app.use(runInRequestContext);
  app.useGlobalPipes(createValidationPipe(config.api.maxJsonDepth));
  app.useGlobalFilters(new AllExceptionsFilter(logger));
  setupOpenApi(app, config.api.publicUrl);
  await app.init();
  return app;
}
