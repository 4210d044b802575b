import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@relance/errors';
import { parseReplyInput } from './inbox-server';

const problem = (code: string, field?: string) => (error: unknown) =>
  error instanceof DomainError && error.code === code && error.field === field;

describe('parseReplyInput', () => {
  it('reads a form (curl -d) or a JSON body; a reply by default', () => {
    assert.deepEqual(parseReplyInput({ type: 'application/x-www-form-urlencoded', text: 'text=Sounds+good' }), {
      kind: 'reply', text: 'Sounds good',
    });
    assert.deepEqual(parseReplyInput({ type: 'application/json', text: '{"kind":"out_of_office"}' }), {
      kind: 'out_of_office', text: undefined,
    });
    assert.deepEqual(parseReplyInput({ type: '', text: '' }), { kind: 'reply', text: undefined });
  });

  it('names what is wrong: an unknown kind, a text that is not a string, a body that is not JSON', () => {
    assert.throws(() => parseReplyInput({ type: 'application/x-www-form-urlencoded', text: 'kind=yes' }), problem('validation_failed', 'kind'));
    assert.throws(() => parseReplyInput({ type: 'application/json', text: '{"text":42}' }), problem('validation_failed', 'text'));
    assert.throws(() => parseReplyInput({ type: 'application/json', text: '[1]' }), problem('validation_failed', 'body'));
    assert.throws(() => parseReplyInput({ type: 'application/json', text: '{oops' }), problem('invalid_json'));
  });
});
