import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, any>;

export interface ComposedExample {
  /** Undefined when some part of the schema has no example (see `missing`). */
  value?: unknown;
  /** `Schema.property` paths that have no example, so the composition could not finish. */
  missing: string[];
}

/**
 * An example for a whole body, put together from the examples each DTO field declares
 * (`@ApiProperty({ example })`): the field examples are written by hand next to the fields,
 * and a response example assembled from them cannot drift from the schema.
 */
export type Direction = 'request' | 'response';

export function composeExample(schema: Schema, document: OpenAPIObject, direction: Direction): ComposedExample {
  const missing: string[] = [];
  // A request never carries read-only fields, nor an answer write-only ones (passwords).
  const skipped = direction === 'request' ? 'readOnly' : 'writeOnly';
  const value = compose(schema, { document, missing, skipped }, 'body', new Set());
  return missing.length ? { missing } : { value, missing };
}

interface Composition {
  document: OpenAPIObject;
  missing: string[];
  skipped: 'readOnly' | 'writeOnly';
}

function compose(schema: Schema, composition: Composition, where: string, seen: Set<string>): unknown {
  const { document, missing } = composition;
  if ('example' in schema) return schema.example;
  if (schema.$ref) {
    const name = String(schema.$ref).split('/').pop() as string;
    // A recursive schema (a tree of steps) stops at its first repetition: an empty list is valid there.
    if (seen.has(name)) return undefined;
    const target = document.components?.schemas?.[name] as Schema | undefined;
    if (!target) return void missing.push(`${name} (unresolved $ref)`);
    return compose(target, composition, name, new Set([...seen, name]));
  }
  const alternatives = schema.allOf ?? schema.oneOf ?? schema.anyOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) return compose(alternatives[0], composition, where, seen);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (schema.type === 'array' && schema.items) {
    const item = compose(schema.items, composition, where, seen);
    return item === undefined ? [] : [item];
  }
  if (schema.properties) {
    const object: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(schema.properties as Record<string, Schema>)) {
      if (property[composition.skipped]) continue;
      const before = missing.length;
      const value = compose(property, composition, `${where}.${name}`, seen);
      if (missing.length > before) continue;
      if (value !== undefined) object[name] = value;
    }
    return object;
  }
  missing.push(where);
  return undefined;
}

/**
 * Fills in the example of every JSON request body and success response that has none, from
 * its schema's field examples. Parts that cannot be composed stay without one, for the
 * completeness test to name.
 */
export function documentBodyExamples(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const operation of [path.get, path.post, path.put, path.patch, path.delete]) {
      if (!operation) continue;
      const media: [Schema, Direction][] = [
        ...Object.values((operation.requestBody as any)?.content ?? {}).map((type) => [type, 'request'] as [Schema, Direction]),
        ...Object.entries(operation.responses)
          .filter(([status]) => status.startsWith('2'))
          .flatMap(([, response]) => Object.values((response as any).content ?? {}))
          .map((type) => [type, 'response'] as [Schema, Direction]),
      ];
      for (const [type, direction] of media) {
        if (!type.schema || 'example' in type || 'examples' in type) continue;
        const { value } = composeExample(type.schema, document, direction);
        if (value !== undefined) type.example = value;
      }
    }
  }
  return document;
}
