export { createLogger, NestPinoLogger, type LoggerOptions } from './logger';
export { APP_LOGGER, LoggerModule } from './logger.module';
export { isRedactedField, maskEmailAddresses, redactForLog, REDACTED_FIELDS } from './redaction';
export type { Logger } from 'pino';
