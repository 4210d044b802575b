export { createLogger, NestPinoLogger } from './logger';
export type { Logger } from 'pino';
