import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import { catchError, mergeMap, Observable, of } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { Vault } from '@relance/crypto';
import { IdempotencyKeyRepository } from '@relance/db/repositories/idempotency-key.repository';
import type { ApiRequest } from '../common/api-request';
import { IS_IDEMPOTENT } from './idempotent.decorator';
import { openAnswer, sealAnswer } from './sealed-answer';
import { decideRepeat, readIdempotencyKey, repeatError, requestHash } from './idempotency-rules';

/**
 * A key left in flight this long was claimed by a process that died mid-request: a repeat of
 * the same request may take it over. Longer than any create or launch takes (mailbox checks
 * time out in seconds, a launch only starts its workflow).
 */
const IN_FLIGHT_STALE_MS = 5 * 60_000;

/**
 * `Idempotency-Key` on the routes marked @Idempotent: the first request claims the key (one
 * row per account and key, inserted before the handler runs, so a concurrent repeat sees it),
 * its answer is stored sealed by the vault (it may hold a secret shown once), and a repeat
 * replays it. A failed request releases its key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(IdempotencyKeyRepository) private readonly keys: IdempotencyKeyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Vault) private readonly vault: Vault,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (!this.reflector.get<boolean>(IS_IDEMPOTENT, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<ApiRequest & { body?: unknown }>();
    const response = context.switchToHttp().getResponse<ServerResponse>();
    const key = readIdempotencyKey(request.headers['idempotency-key']);
    // Only authenticated routes are marked: keys are scoped by account.
    if (key === undefined || !request.auth) return next.handle();
    const method = request.method ?? 'POST';
    const hash = requestHash(method, request.originalUrl ?? request.url ?? '', request.body);
    const claim = await this.keys.claim({
      accountId: request.auth.accountId, key, requestHash: hash, ttlMs: this.config.idempotency.keyTtlMs, staleAfterMs: IN_FLIGHT_STALE_MS,
    });
    if (claim.kind === 'taken') {
      const decision = decideRepeat(claim.stored, hash);
      if (decision.kind !== 'replay') throw repeatError(decision);
      // Nest set the route's status before interceptors run and keeps whatever is set here.
      response.statusCode = decision.status;
      response.setHeader('Idempotent-Replayed', 'true');
      return of(openAnswer(this.vault, claim.stored.id, decision.body));
    }
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        // The route's status, or the one its handler chose (a suppression already there is a 200).
        await this.keys.complete(claim.id, response.statusCode, sealAnswer(this.vault, claim.id, body));
        return body;
      }),
      catchError(async (error: unknown) => {
        await this.keys.release(claim.id);
        throw error;
      }),
    );
  }
}
