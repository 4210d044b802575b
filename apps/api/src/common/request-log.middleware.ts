import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ApiRequest } from './api-request';

/**
 * One structured line per request: route pattern (not the raw URL, which may carry query
 * strings), status, duration and the calling account. Never headers or bodies.
 */
export function requestLog(logger: Logger) {
  return (request: ApiRequest, response: ServerResponse, next: () => void) => {
    const started = performance.now();
    response.once('finish', () => {
      logger.info(
        {
          method: request.method,
          route: request.route?.path ?? 'unmatched',
          status: response.statusCode,
          ms: Math.round(performance.now() - started),
          accountId: request.auth?.accountId,
          staffUserId: request.staff?.staffUserId,
        },
        'request',
      );
    });
    next();
  };
}
