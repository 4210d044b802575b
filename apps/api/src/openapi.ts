import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { documentBodyExamples } from './openapi-document/schema-examples';
import { documentIdParameters } from './openapi-document/id-parameters';
import { documentPublicRoutes } from './openapi-document/public-routes';
import { documentRateLimits } from './rate-limits/rate-limit-openapi';

/**
 * Addresses of the UI page that resolve its relative asset links (`./docs/swagger-ui.css`)
 * against the wrong folder, leaving a blank page: sent to /docs, the one address it works at.
 */
const MISPLACED_UI_PATHS = new Set(['/docs/', '/docs/index.html']);

/** Swagger UI at /docs, the OpenAPI document at /docs-json; both public. */
export function setupOpenApi(app: INestApplication, publicUrl: string): void {
  app.use(redirectMisplacedUi);
  const document = buildOpenApiDocument(app, publicUrl);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Relance API' });
}

/** The document from the routes' decorators, completed by the passes that say generic things once. */
export function buildOpenApiDocument(app: INestApplication, publicUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Relance API')
    .setDescription(
      'Email sequencing: mailboxes, prospects, campaigns and their enrollments.\n\n' +
        'Every /v1 route needs `Authorization: Bearer <API key>`. Errors are ' +
        '`{ "error": { "code", "message", "field"?, "details"? } }` with a stable `code`.\n\n' +
        'Routes under /v1/staff are for Relance\'s own staff: they take a staff token (`npm run staff`), ' +
        'never an API key.\n\n' +
        'Each API key has a request budget per window (600 a minute unless the operator set another; launches, ' +
        'prospect batches and exports also count against a lower one). Every answer says where the key stands, ' +
        'in `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds) and in the IETF draft\'s ' +
        '`RateLimit-Policy` and `RateLimit` fields; past it, a 429 `rate_limited` with `Retry-After`.\n\n' +
        'Create and launch routes take an optional `Idempotency-Key` header: a retry with the same key and ' +
        'request within 24 hours gets the first answer again (`Idempotent-Replayed: true`) and does nothing twice.',
    )
    .setVersion('1')
    .setLicense('AGPL-3.0-only', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer(publicUrl)
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'rl_live_<32 characters>', description: 'An API key of your account' },
      'api-key',
    )
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'rl_staff_<32 characters>', description: 'A staff token (npm run staff)' },
      'staff-token',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  // Public routes first: the rate-limit pass reads the security each route ends up with.
  return documentRateLimits(documentBodyExamples(documentIdParameters(documentPublicRoutes(document))));
}

function redirectMisplacedUi(request: IncomingMessage, response: ServerResponse, next: () => void): void {
  const url = new URL(request.url ?? '/', 'http://relance.invalid');
  if (!['GET', 'HEAD'].includes(request.method ?? '') || !MISPLACED_UI_PATHS.has(url.pathname)) return next();
  // Relative, so it still lands right behind a proxy that serves the API under a path prefix.
  response.statusCode = 301;
  response.setHeader('location', `../docs${url.search}`);
  response.end();
}
