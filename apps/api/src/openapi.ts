import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI at /docs, the OpenAPI document at /docs-json; both public. */
export function setupOpenApi(app: INestApplication, publicUrl: string): void {
  const config = new DocumentBuilder()
    .setTitle('Relance API')
    .setDescription(
      'Email sequencing: mailboxes, prospects, campaigns and their enrollments.\n\n' +
        'Every /v1 route needs `Authorization: Bearer <API key>`. Errors are ' +
        '`{ "error": { "code", "message", "field"?, "details"? } }` with a stable `code`.',
    )
    .setVersion('1')
    .addServer(publicUrl)
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'rl_live_<32 characters>', description: 'An API key of your account' },
      'api-key',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: 'Relance API' });
}
