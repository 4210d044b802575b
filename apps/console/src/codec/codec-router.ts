import { json, Router } from 'express';
import type { ConsoleConfig } from '@relance/config';
import type { ConsoleSessionRepository } from '@relance/db/repositories/console-session.repository';
import type { StaffRepository } from '@relance/db/repositories/staff.repository';
import { DomainError } from '@relance/errors';
import { codecCors, payloadsFromWire, type PayloadDecoder } from '@relance/temporal/remote-codec';
import { sessionUser } from '../admin/console-user';
import { consoleSession } from '../admin/console-session';
import type { ConsoleRequest, ConsoleResponse, Next } from '../admin/http-types';
import { memberLoader } from '../admin/member-loader';

export const CODEC_PATH = '/codec';
const ROLES = new Set(['operator', 'admin']);

interface CodecRequest extends ConsoleRequest {
  body?: unknown;
  params: { operation?: string };
}

/**
 * Temporal's remote codec protocol behind the console's session, for the Temporal Web UI: an
 * operator or admin signed in to the console opens the UI, which (with "include cross-origin
 * credentials") calls /codec/decode with the console's cookie, and sees Relance's encrypted
 * payloads in clear. Anyone else gets 401 (no session) or 403 (support). Only the UI's origins
 * (CODEC_CORS_ORIGINS) may read the answers.
 */
export function codecRouter(
  config: ConsoleConfig, corsOrigins: readonly string[], decoder: PayloadDecoder,
  { staff, sessions }: { staff: StaffRepository; sessions: ConsoleSessionRepository },
) {
  const router = Router();
  router.use(codecCors(corsOrigins));
  router.use(consoleSession(config, sessions));
  router.use(memberLoader(staff));
  // The protocol is JSON whatever Content-Type a client sends; histories' payloads can be large.
  router.post('/:operation', json({ type: () => true, limit: '8mb' }), (async (request: CodecRequest, response: ConsoleResponse) => {
    const user = sessionUser(request.session);
    if (!user) return void fail(response, 401, 'unauthorized', 'Sign in to the Relance console first (the codec reads its session)');
    if (!ROLES.has(user.role)) return void fail(response, 403, 'forbidden', `The ${user.role} role may not decode workflow payloads (operator or admin)`);
    const operation = request.params.operation;
    if (operation !== 'decode' && operation !== 'encode') return void fail(response, 404, 'not_found', `${CODEC_PATH}/${operation} does not exist: decode or encode`);
    const namespace = request.headers['x-namespace'];
    try {
      const payloads = payloadsFromWire(request.body);
      const ns = typeof namespace === 'string' ? namespace : undefined;
      response.json(operation === 'decode' ? await decoder.decode(ns, payloads) : await decoder.encode(ns, payloads));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      fail(response, 400, error.code, error.message, error.field);
    }
  }) as never);
  // A body that is not JSON: said as the API says it, not as an HTML page.
  router.use(((error: { type?: string; status?: number; message: string }, _request: ConsoleRequest, response: ConsoleResponse, next: Next) => {
    if (error.type === 'entity.parse.failed') return void fail(response, 400, 'invalid_json', `The body is not JSON: ${error.message}`);
    if (error.type === 'entity.too.large') return void fail(response, 413, 'validation_failed', 'The body is over 8 MB');
    next(error);
  }) as never);
  return router;
}

function fail(response: ConsoleResponse, status: number, code: string, message: string, field?: string): void {
  response.status(status).json({ error: { code, message, ...(field ? { field } : {}) } });
}
