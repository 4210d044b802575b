export { createLogger, NestPinoLogger, type LoggerOptions } from './logger';
export { APP_LOGGER, LoggerModule } from './logger.module';
export { isRedactedField, maskEmailAddresses, redactForLog, REDACTED_FIELDS } from './redaction';
export type { Logger } from 'pino';
export { codeLabel, metricsCallAllowed } from './metric-labels';
export { requestContext, requestIdFrom, type RequestContext } from './request-context';
export { WorkerMetrics, type InboundForMetrics, type SendResultForMetrics } from './worker-metrics';
export { probe, PROBE_TIMEOUT_MS, type DependencyCheck } from './dependency-probe';
