import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger } from 'pino';
import { maskEmailAddresses, redactForLog } from './redaction';
import { requestContext } from './request-context';

export interface LoggerOptions {
  level: string;
  service: string;
  /** Where lines go; stdout by default. Tests pass a stream they read. */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs carrying ids. Every call's arguments pass through redactForLog (fields
 * that hold personal data or secrets, at any depth; addresses in strings; errors with their
 * message), child bindings too; and each finished line has any address left masked, whatever
 * path it took (a message format argument, a serializer). A line written while serving an API
 * request carries its `requestId`.
 */
export function createLogger(options: LoggerOptions): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level,
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Every line written while serving a request names it (the API's request-id middleware).
    mixin: () => requestContext.getStore() ?? {},
    formatters: { bindings: (bindings) => redactForLog(bindings) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        // pino reads an Error first argument as { err } with its message as the line's message.
        const merged = first instanceof Error ? [{ err: first }, ...(rest.length > 0 ? rest : [first.message])] : args;
        return method.apply(this, merged.map(redactForLog) as Parameters<typeof method>);
      },
      streamWrite: maskEmailAddresses,
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** Lets Nest write through the same structured logger. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) { this.logger.info({ context }, String(message)); }
  error(message: unknown, trace?: string, context?: string) { this.logger.error({ context, trace }, String(message)); }
  warn(message: unknown, context?: string) { this.logger.warn({ context }, String(message)); }
  debug(message: unknown, context?: string) { this.logger.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string) { this.logger.trace({ context }, String(message)); }
}
