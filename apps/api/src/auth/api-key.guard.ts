import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ServerResponse } from 'node:http';
import { AccountRepository, API_KEY_PATTERN, hashApiKey } from '@relance/db/repositories/account.repository';
import { DomainError } from '@relance/errors';
import type { ApiRequest } from '../common/api-request';
import { ApiRateLimiter } from '../rate-limits/api-rate-limiter';
import { IS_EXPENSIVE_ROUTE } from '../rate-limits/expensive-route.decorator';
import { IS_PUBLIC } from './public.decorator';
import { IS_STAFF_ROUTE } from './staff-route-metadata';

/** last_used_at is a hint for people auditing keys: once a minute is precise enough. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * `Authorization: Bearer rl_live_...` on every route not marked @Public. Keys are looked up
 * by SHA-256 on every request (no cache), so a revoked key is refused at once, as unknown as a
 * wrong one. A known key's request is then counted against its rate limits (ApiRateLimiter).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AccountRepository) private readonly accounts: AccountRepository,
    @Inject(ApiRateLimiter) private readonly limits: ApiRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    // Staff routes take a staff token, never an API key: their own guard (StaffTokenGuard) checks it.
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_STAFF_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const key = bearerToken(request.headers.authorization);
    if (key === undefined) {
      throw new DomainError('unauthorized', 'Missing API key: send Authorization: Bearer <key>');
    }
    const apiKey = API_KEY_PATTERN.test(key) ? await this.accounts.findActiveKeyByHash(hashApiKey(key)) : null;
    if (!apiKey) throw new DomainError('unauthorized', 'Invalid API key');
    if (!apiKey.lastUsedAt || Date.now() - apiKey.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.accounts.touchApiKey(apiKey.id, TOUCH_INTERVAL_MS);
    }
    request.auth = { accountId: apiKey.accountId, apiKeyId: apiKey.id, userId: apiKey.userId };
    const expensive = this.reflector.getAllAndOverride<boolean>(IS_EXPENSIVE_ROUTE, targets) ?? false;
    await this.limits.consume(apiKey.id, expensive, context.switchToHttp().getResponse<ServerResponse>());
    return true;
  }
}

/** The token of a `Bearer` authorization header; undefined when there is none. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S*)\s*$/i.exec(header ?? '');
  return match?.[1] || undefined;
}
