/**
 * What every operation of the OpenAPI document must say, checked on the generated document.
 * Each problem names its operation (`GET /v1/prospects/{id}`) and what to add, so a failure
 * after a merge reads as a to-do list.
 */
type Doc = { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, any> } };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export const ERROR_BODY_REF = '#/components/schemas/ErrorResponseDto';

/** Lists that are short by nature and answer in one piece, with why. */
const BOUNDED_LISTS: Record<string, string> = {
  'GET /v1/enrichment-providers': 'one entry per supported provider (three), never more',
};

/** Operations that answer the same success whatever the input, with why. */
const NEVER_FAILING: Record<string, string> = {
  'GET /t/o/{pixel}': 'the open pixel answers its GIF whatever the token, so no mail client shows a broken image',
};

/** Error statuses that answer another body than ErrorResponseDto, with why. */
const OTHER_ERROR_BODIES: Record<string, string> = {
  'GET /health 503': 'the health report itself, naming the dependency that is down (monitors read it)',
};

export interface Operation {
  method: string;
  path: string;
  name: string;
  spec: Record<string, any>;
}

export function operationsOf(document: Doc): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      method, path, name: `${method.toUpperCase()} ${path}`, spec: item[method],
    })),
  );
}

export function completenessProblems(document: Doc): string[] {
  return [...operationsOf(document).flatMap((operation) => operationProblems(operation, document)), ...schemaProblems(document)];
}

function operationProblems({ name, spec }: Operation, document: Doc): string[] {
  const problems: string[] = [];
  if (!spec.summary) problems.push(`${name}: no summary (@ApiOperation({ summary }))`);
  if (!spec.operationId) problems.push(`${name}: no operationId`);
  if (!Array.isArray(spec.security)) {
    problems.push(`${name}: no security (@ApiBearerAuth('api-key'), @StaffRoles(...), or @Public() for security: [])`);
  }
  for (const parameter of spec.parameters ?? []) {
    const label = `${name}: ${parameter.in} parameter ${parameter.name}`;
    if (!parameter.schema) problems.push(`${label} has no schema`);
    if (!hasParameterExample(parameter)) problems.push(`${label} has no example (@ApiProperty/@ApiParam/@ApiQuery({ example }))`);
  }
  if (spec.requestBody) problems.push(...mediaProblems(`${name}: request body`, spec.requestBody.content));
  const statuses = Object.keys(spec.responses ?? {});
  // A redirect is the success of a tracked link.
  if (!statuses.some((status) => /^[23]/.test(status))) problems.push(`${name}: no success response`);
  const errors = statuses.filter((status) => /^[45]/.test(status));
  if (errors.length === 0 && !(name in NEVER_FAILING)) problems.push(`${name}: no error response (@ApiErrors(...))`);
  for (const status of statuses) {
    const response = spec.responses[status];
    if (status === '204' || /^3/.test(status)) continue; // nothing to show: no body
    problems.push(...mediaProblems(`${name}: response ${status}`, response.content));
    if (/^[45]/.test(status)) {
      // Pages for people may also answer HTML; whoever asks for JSON gets the one error body.
      const exempt = `${name} ${status}` in OTHER_ERROR_BODIES;
      if (!exempt && response.content?.['application/json']?.schema?.$ref !== ERROR_BODY_REF) {
        problems.push(`${name}: response ${status} does not answer the error body ErrorResponseDto in JSON (use @ApiErrors(${status}))`);
      }
    }
  }
  problems.push(...paginationProblems(name, spec, document));
  return problems;
}

function hasParameterExample(parameter: any): boolean {
  return 'example' in parameter || 'examples' in parameter || 'example' in (parameter.schema ?? {})
    || Array.isArray(parameter.schema?.enum);
}

function mediaProblems(label: string, content: Record<string, any> | undefined): string[] {
  if (!content || Object.keys(content).length === 0) return [`${label} has no content (schema and example)`];
  return Object.entries(content).flatMap(([type, media]) => {
    const problems: string[] = [];
    if (!media.schema || Object.keys(media.schema).length === 0) problems.push(`${label} (${type}) has no schema`);
    if (!('example' in media) && !('examples' in media)) problems.push(`${label} (${type}) has no example`);
    return problems;
  });
}

/** A list (an array, or a page object with `data`) must page by cursor: `after`, `limit`, `nextCursor`. */
function paginationProblems(name: string, spec: Record<string, any>, document: Doc): string[] {
  if (!name.startsWith('GET ') || name in BOUNDED_LISTS) return [];
  const success = Object.entries<any>(spec.responses ?? {}).find(([status]) => /^2/.test(status))?.[1];
  const schema = resolve(success?.content?.['application/json']?.schema, document);
  if (!schema) return [];
  const hint = 'page it with ?after=&limit= and answer { data, nextCursor } (apps/api/src/common/pagination.ts)';
  if (schema.type === 'array') return [`${name}: returns a bare array; ${hint}`];
  if (resolve(schema.properties?.data, document)?.type !== 'array') return [];
  const query = new Set((spec.parameters ?? []).filter((p: any) => p.in === 'query').map((p: any) => p.name));
  const missing = [
    ...['after', 'limit'].filter((param) => !query.has(param)).map((param) => `query parameter ${param}`),
    ...(schema.properties.nextCursor ? [] : ['nextCursor in the answer']),
  ];
  return missing.length ? [`${name}: a list without cursor pagination (no ${missing.join(', ')}); ${hint}`] : [];
}

function resolve(schema: any, document: Doc): any {
  if (!schema?.$ref) return schema;
  return document.components?.schemas?.[String(schema.$ref).split('/').pop() as string];
}

/** Every field of every schema shows an example (enums and references to other schemas show theirs). */
function schemaProblems(document: Doc): string[] {
  return Object.entries(document.components?.schemas ?? {}).flatMap(([schema, definition]) =>
    Object.entries<any>(definition.properties ?? {})
      .filter(([, property]) => !describedElsewhere(property))
      .map(([field]) => `schema ${schema}: field ${field} has no example (@ApiProperty({ example }))`),
  );
}

function describedElsewhere(property: any): boolean {
  if ('example' in property || property.$ref || Array.isArray(property.enum)) return true;
  if (property.allOf || property.oneOf || property.anyOf) return true;
  return property.type === 'array' && (property.items?.$ref || Array.isArray(property.items?.enum));
}
