import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { DomainError } from '@relance/errors';
import type { ApiRequest } from './api-request';
import type { ErrorDto } from './error-body.dto';
import { codeOfHttpStatus, httpStatusOf } from './error-status';

interface BodyParserError {
  type?: string;
}

/**
 * The one place errors become HTTP responses, all shaped `{ error: { code, message, ... } }`.
 * Unexpected errors are logged with their stack and answered with a bare 500: their messages
 * may carry internals that callers have no business reading.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<ApiRequest>();
    const response = http.getResponse<ServerResponse>();
    const { status, error } = this.describe(exception, request);
    if (response.headersSent) return;
    response.statusCode = status;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.end(JSON.stringify({ error }));
  }

  private describe(thrown: unknown, request: ApiRequest): { status: number; error: ErrorDto } {
    // A DomainError thrown inside the body parser (refuseDeepJson) arrives wrapped, as its cause.
    const cause = (thrown as { cause?: unknown })?.cause;
    const exception = cause instanceof DomainError ? cause : thrown;
    if (exception instanceof DomainError) {
      const error: ErrorDto = { code: exception.code, message: exception.message };
      if (exception.field) error.field = exception.field;
      if (exception.details) error.details = exception.details;
      return { status: httpStatusOf(exception.code), error };
    }
    // body-parser's errors arrive wrapped by the Express adapter, with the original as cause.
    const parserError = ((exception as { cause?: unknown })?.cause ?? exception) as BodyParserError;
    if (parserError?.type === 'entity.parse.failed') {
      return { status: 400, error: { code: 'invalid_json', message: 'The request body is not valid JSON' } };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      return { status, error: { code: codeOfHttpStatus(status), message: exception.message } };
    }
    this.logger.error(
      { err: errorSummary(exception), requestId: request.requestId, method: request.method, route: request.route?.path, accountId: request.auth?.accountId },
      'unhandled error',
    );
    return { status: 500, error: { code: 'internal_error', message: 'Internal server error' } };
  }
}

/** Name, message and stack only: errors such as TypeORM's carry the query parameters too. */
function errorSummary(exception: unknown) {
  if (!(exception instanceof Error)) return { message: String(exception) };
  return { type: exception.name, message: exception.message, stack: exception.stack };
}
