import type { OpenAPIObject } from '@nestjs/swagger';

const RATE_LIMITED = {
  description: 'Over the API key\'s rate limit (`rate_limited`): retry after the seconds in `Retry-After`',
  headers: {
    'Retry-After': { description: 'Seconds until the limit allows a request again', schema: { type: 'integer', example: 17 } },
  },
  content: {
    'application/json': {
      schema: { $ref: '#/components/schemas/ErrorResponseDto' },
      example: {
        error: {
          code: 'rate_limited',
          message: 'Rate limit exceeded: 600 requests per 60 s for this API key; retry in 17 s (see Retry-After)',
        },
      },
    },
  },
};

/**
 * Every operation an API key opens may answer 429: said once here rather than on each route,
 * so a new route cannot forget it.
 */
export function documentRateLimits(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.post, path.put, path.patch, path.delete]) {
      if (!operation?.security?.some((requirement) => 'api-key' in requirement)) continue;
      operation.responses['429'] ??= RATE_LIMITED;
    }
  }
  return document;
}
