import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ApiRequest } from './api-request';

/**
 * The client's IP address, for the brakes of public routes. Express's request.ip honours
 * TRUST_PROXY (the client, not the proxy, when configured so); the socket's address otherwise.
 */
export const ClientIp = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<ApiRequest & { ip?: string }>();
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
});
