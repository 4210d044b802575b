import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ApiRequest, AuthContext } from '../common/api-request';

/** The calling account's id, set by ApiKeyGuard. Every /v1 query is scoped by it. */
export const AccountId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const auth = context.switchToHttp().getRequest<ApiRequest>().auth;
  // Only reachable on a route marked @Public by mistake: fail loudly rather than unscoped.
  if (!auth) throw new Error('AccountId used on a route without API key authentication');
  return auth.accountId;
});

/** The API key the call was made with (what the audit trail names as the actor). */
export const CallerApiKeyId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const auth = context.switchToHttp().getRequest<ApiRequest>().auth;
  if (!auth) throw new Error('CallerApiKeyId used on a route without API key authentication');
  return auth.apiKeyId;
});

/** The rep the API key belongs to, when it belongs to one. */
export const CallerUserId = createParamDecorator((_data: unknown, context: ExecutionContext): string | null => {
  const auth = context.switchToHttp().getRequest<ApiRequest>().auth;
  if (!auth) throw new Error('CallerUserId used on a route without API key authentication');
  return auth.userId;
});

/** Everything ApiKeyGuard established about the caller: account, key and the key's user. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const auth = context.switchToHttp().getRequest<ApiRequest>().auth;
  if (!auth) throw new Error('Caller used on a route without API key authentication');
  return auth;
});
