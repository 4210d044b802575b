import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-body.dto';
import { errorExamplesFor } from './error-examples';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (`validation_failed`, `invalid_json`): every bad field is named',
  401: 'Missing or invalid API key (`unauthorized`)',
  404: 'No such resource in your account (`not_found`)',
  402: 'The account\'s plan does not allow it (`plan_limit_reached`): the message names the limit, the usage and the plan',
  403: 'Allowed to someone else (`forbidden`): e.g. only the account\'s owner',
  409: 'Conflicts with an existing resource (`conflict`), an erased person\'s address (`suppressed`), or billing not configured (`billing_disabled`)',
  410: 'No longer available (`gone`): e.g. an expired download link',
  413: 'The upload is larger than the configured limit (`file_too_large`, naming it)',
  422: 'Well-formed but cannot be done (see the code)',
  429: 'Over the API key\'s rate limit (`rate_limited`): retry after the seconds in `Retry-After`',
  500: 'Something failed on our side (`internal_error`); the message quotes the request id to report',
  503: 'A dependency is down',
};

/**
 * Documents the error responses a route can give, all with the common error body and one
 * named example per code the status stands for (from the one code-to-status mapping).
 */
export const ApiErrors = (...statuses: number[]) =>
  applyDecorators(
    ApiExtraModels(ErrorResponseDto),
    // Content spelled out: errors are JSON even on a route that produces CSV, HTML or a ZIP.
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) }, examples: errorExamplesFor(status) } },
      }),
    ),
  );
