import { ApiExtension, type OpenAPIObject } from '@nestjs/swagger';

/**
 * Marks an operation that needs no credential. @nestjs/swagger drops an empty security list,
 * so the mark is an extension turned into `security: []` afterwards: a public route says so
 * explicitly, and a route that simply forgot its @ApiBearerAuth still shows up as missing one.
 */
const PUBLIC_EXTENSION = 'x-relance-public';

export const ApiPublic = () => ApiExtension(PUBLIC_EXTENSION, true);

export function documentPublicRoutes(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.post, path.put, path.patch, path.delete]) {
      if (!operation || !(PUBLIC_EXTENSION in operation)) continue;
      delete (operation as Record<string, unknown>)[PUBLIC_EXTENSION];
      operation.security = [];
    }
  }
  return document;
}

