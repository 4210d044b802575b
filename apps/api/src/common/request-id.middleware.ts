import type { ServerResponse } from 'node:http';
import { requestContext, requestIdFrom } from '@relance/observability';
import type { ApiRequest } from './api-request';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * First thing on every request: its id (the caller's X-Request-Id when sane, else a new UUID),
 * kept on the request and sent back in the response header, so a user's report and our logs
 * meet on one string.
 */
export function assignRequestId(request: ApiRequest, response: ServerResponse, next: () => void): void {
  request.requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
  response.setHeader(REQUEST_ID_HEADER, request.requestId);
  next();
}

/**
 * Runs the rest of the request inside its context, so every log line written while serving it
 * (services, filters, Temporal calls) carries `requestId` (createLogger's mixin). Mounted after
 * the body parser: the parser resumes on the socket's events, outside any context set before it.
 */
export function runInRequestContext(request: ApiRequest, _response: ServerResponse, next: () => void): void {
  requestContext.run({ requestId: request.requestId ?? requestIdFrom(undefined) }, next);
}
