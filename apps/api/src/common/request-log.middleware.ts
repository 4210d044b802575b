import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { anonymiseIp } from '@relance/privacy/anonymise-ip';
import { countryOfIp } from '@relance/privacy/ip-country';
import { browserFamily } from '@relance/privacy/retention/browser-family';
import type { RequestLogWriter } from '@relance/privacy/retention/request-log-writer';
import type { ApiMetrics } from '../metrics/api-metrics';
import type { ApiRequest } from './api-request';

/**
 * One structured line per request, and one row of the request log table (written in batches
 * by `writer`): route pattern (not the raw URL, which may carry query strings), status,
 * duration and the caller's ids; and the request counted in `metrics`. The table also keeps an identified caller's network
 * (anonymised), the country and browser family; the full address and User-Agent are read here
 * and dropped.
 */
export function requestLog(logger: Logger, writer: RequestLogWriter, metrics?: ApiMetrics) {
  return (request: ApiRequest & { ip?: string }, response: ServerResponse, next: () => void) => {
    const occurredAt = new Date();
    const started = performance.now();
    response.once('finish', () => {
      const route = request.route?.path ?? 'unmatched';
      const elapsedMs = performance.now() - started;
      const durationMs = Math.round(elapsedMs);
      metrics?.requestFinished(request.method, route, response.statusCode, elapsedMs / 1000);
      logger.info(
        {
          // Written after the response, outside the request's context: its id is passed by hand.
          requestId: request.requestId,
          method: request.method,
          route,
          status: response.statusCode,
          ms: durationMs,
          accountId: request.auth?.accountId,
          staffUserId: request.staff?.staffUserId,
        },
        'request',
      );
      // Express's request.ip honours `trust proxy`: the client, not the proxy, when configured so.
      const address = request.ip ?? request.socket.remoteAddress;
      const accountId = request.auth?.accountId ?? null;
      const staffUserId = request.staff?.staffUserId ?? null;
      writer.record({
        occurredAt,
        method: request.method ?? 'GET',
        route,
        status: response.statusCode,
        durationMs,
        accountId,
        userId: request.auth?.userId ?? null,
        apiKeyId: request.auth?.apiKeyId ?? null,
        staffUserId,
        // Only a row an erasure can find (by its account, user or staff id) may hold a network:
        // anonymous callers are mostly prospects opening tracked links, whose rows nothing
        // would tie back to them (tracking_events keeps its own, erasable, copy).
        ip: accountId || staffUserId ? anonymiseIp(address) : null,
        country: countryOfIp(address),
        browser: browserFamily(request.headers['user-agent']),
      });
    });
    next();
  };
}
