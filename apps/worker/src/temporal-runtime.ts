import { createServer, type AddressInfo } from 'node:net';
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
 * to the console they would escape its redaction. With `sdkMetricsAddress` (host:port, see
 * sdkMetricsAddress()) the SDK exports its metrics there.
 */
export function installTemporalRuntime(logger: Logger, options: { drainOnSignals: boolean; sdkMetricsAddress?: string }): void {
  Runtime.install({
    logger: temporalLogger(logger),
    telemetryOptions: {
      logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} },
      // The SDK's own Prometheus exporter (pollers, task latencies, workflow and activity
      // failures by type), bound to loopback: the worker's /metrics serves its lines.
      ...(options.sdkMetricsAddress ? { metrics: { prometheus: { bindAddress: options.sdkMetricsAddress } } } : {}),
    },
    shutdownSignals: options.drainOnSignals ? ['SIGINT', 'SIGTERM'] : [],
  });
}

/**
 * Where the SDK's exporter listens: loopback, on `port`, or on a free port when it is 0 (the SDK
 * binds the address itself and cannot tell which port it got, so one is picked first).
 */
export async function sdkMetricsAddress(port: number): Promise<string> {
  if (port !== 0) return `127.0.0.1:${port}`;
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const free = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return `127.0.0.1:${free}`;
}
