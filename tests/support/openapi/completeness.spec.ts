import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completenessProblems } from './completeness';

const ERROR = { content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponseDto' }, example: {} } } };
const complete = {
  summary: 'A prospect', operationId: 'getProspect', security: [{ 'api-key': [] }],
  parameters: [{ in: 'path', name: 'id', schema: { type: 'string' }, example: 'a' }],
  responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/P' }, example: { id: 'a' } } } }, 404: ERROR },
};
const documentWith = (operation: object, schemas: object = {}) => ({
  paths: { '/v1/prospects/{id}': { get: operation } },
  components: { schemas: { P: { properties: { id: { type: 'string', example: 'a' } } }, ...schemas } },
});

/** The completeness rules on small documents: each gap is named with its operation. */
describe('OpenAPI completeness rules', () => {
  it('finds nothing in a complete operation', () => {
    assert.deepEqual(completenessProblems(documentWith(complete)), []);
  });

  it('names missing security, summary, examples and errors', () => {
    const { security, summary, ...rest } = complete;
    const problems = completenessProblems(documentWith({
      ...rest,
      parameters: [{ in: 'path', name: 'id', schema: { type: 'string' } }],
      responses: { 200: { content: { 'application/json': { schema: { type: 'object' } } } } },
    }));
    assert.deepEqual(problems, [
      'GET /v1/prospects/{id}: no summary (@ApiOperation({ summary }))',
      'GET /v1/prospects/{id}: no security (@ApiBearerAuth(\'api-key\'), @StaffRoles(...), or @Public() for security: [])',
      'GET /v1/prospects/{id}: path parameter id has no example (@ApiProperty/@ApiParam/@ApiQuery({ example }))',
      'GET /v1/prospects/{id}: no error response (@ApiErrors(...))',
      'GET /v1/prospects/{id}: response 200 (application/json) has no example',
    ]);
  });

  it('accepts an explicit empty security list and refuses an error body of another shape', () => {
    const problems = completenessProblems(documentWith({
      ...complete, security: [],
      responses: { ...complete.responses, 409: { content: { 'application/json': { schema: { type: 'object' }, example: {} } } } },
    }));
    assert.deepEqual(problems, [
      'GET /v1/prospects/{id}: response 409 does not answer the error body ErrorResponseDto in JSON (use @ApiErrors(409))',
    ]);
  });

  it('asks lists for cursor pagination', () => {
    const page = { properties: { data: { type: 'array', items: { $ref: '#/components/schemas/P' } } } };
    const problems = completenessProblems(documentWith({
      ...complete,
      responses: { 200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Page' }, example: {} } } }, 404: ERROR },
    }, { Page: page }));
    assert.match(problems[0], /GET \/v1\/prospects\/\{id\}: a list without cursor pagination \(no query parameter after, query parameter limit, nextCursor in the answer\)/);
  });

  it('names schema fields without an example', () => {
    const problems = completenessProblems(documentWith(complete, { Q: { properties: { name: { type: 'string' } } } }));
    assert.deepEqual(problems, ['schema Q: field name has no example (@ApiProperty({ example }))']);
  });
});
