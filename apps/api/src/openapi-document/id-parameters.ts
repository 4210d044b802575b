import type { OpenAPIObject } from '@nestjs/swagger';

const EXAMPLE_ID = '3f2b8c1e-5a7d-4e9f-b6c3-2d1a0e9f8b7c';

/**
 * Route ids (`{id}`, `{stepId}`, `{accountId}`…) all go through ParseIdPipe, which takes only
 * UUIDs: said once here, with an example, instead of an @ApiParam on each of fifty routes.
 */
export function documentIdParameters(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.post, path.put, path.patch, path.delete]) {
      for (const parameter of (operation?.parameters ?? []) as Record<string, any>[]) {
        if (parameter.in !== 'path' || !/^(id|[a-z]+Id)$/.test(parameter.name)) continue;
        if (parameter.schema?.type !== 'string' || 'example' in parameter || 'example' in parameter.schema) continue;
        parameter.schema = { ...parameter.schema, format: 'uuid' };
        parameter.example = EXAMPLE_ID;
      }
    }
  }
  return document;
}
