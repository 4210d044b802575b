import { Runtime } from '@temporalio/worker';
import type { LogLevel, LogMetadata, Logger as TemporalLogger } from '@temporalio/common';
import type { Logger } from '@relance/observability';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error',
};

/** Temporal's own logs (worker state, activity failures) through our structured logger. */
function temporalLogger(logger: Logger): TemporalLogger {
  const write = (level: LogLevel, message: string, meta?: LogMetadata) => logger[LEVELS[level]]({ temporal: meta }, message);
  return {
    log: write,
    trace: (message, meta) => write('TRACE', message, meta),
    debug: (message, meta) => write('DEBUG', message, meta),
    info: (message, meta) => write('INFO', message, meta),
    warn: (message, meta) => write('WARN', message, meta),
    error: (message, meta) => write('ERROR', message, meta),
  };
}

/**
 * Installs the process-wide Temporal runtime once, before any worker exists. With
 * `drainOnSignals`, SIGINT/SIGTERM stop polling and let running activities finish. The native
 * core's own lines (task failures, retries) are forwarded to our logger too: printed straight
 * to the console they would escape its redaction.
 */
export function installTemporalRuntime(logger: Logger, options: { drainOnSignals: boolean }): void {
  Runtime.install({
    logger: temporalLogger(logger),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
    shutdownSignals: options.drainOnSignals ? ['SIGINT', 'SIGTERM'] : [],
  });
}
