import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OpenAPIObject } from '@nestjs/swagger';
import { composeExample } from './schema-examples';

const document = {
  openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {},
  components: {
    schemas: {
      Mailbox: {
        type: 'object',
        properties: {
          id: { type: 'string', readOnly: true, example: 'm1' },
          password: { type: 'string', writeOnly: true, example: 'secret' },
          kind: { type: 'string', enum: ['smtp', 'imap'] },
          tags: { type: 'array', items: { type: 'string', example: 'vip' } },
        },
      },
      Page: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Mailbox' } } } },
      Loose: { type: 'object', properties: { note: { type: 'string' } } },
    },
  },
} as unknown as OpenAPIObject;

/** Body examples put together from the examples of their fields. */
describe('composeExample', () => {
  it('leaves read-only fields out of requests and write-only ones out of answers', () => {
    const ref = { $ref: '#/components/schemas/Mailbox' };
    assert.deepEqual(composeExample(ref, document, 'request').value, { password: 'secret', kind: 'smtp', tags: ['vip'] });
    assert.deepEqual(composeExample(ref, document, 'response').value, { id: 'm1', kind: 'smtp', tags: ['vip'] });
  });

  it('follows references into lists', () => {
    const { value } = composeExample({ $ref: '#/components/schemas/Page' }, document, 'response');
    assert.deepEqual(value, { data: [{ id: 'm1', kind: 'smtp', tags: ['vip'] }] });
  });

  it('names the fields without an example and gives no example then', () => {
    assert.deepEqual(composeExample({ $ref: '#/components/schemas/Loose' }, document, 'response'), { missing: ['Loose.note'] });
  });
});
