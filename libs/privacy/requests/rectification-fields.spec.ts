import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@relance/errors';
import { rectificationFields } from './rectification-fields';

describe('rectificationFields', () => {
  it('keeps known fields, trimmed, and nulls', () => {
    assert.deepEqual(rectificationFields({ first_name: ' Ada ', company: null }), { first_name: 'Ada', company: null });
  });

  it('names every unknown or malformed field', () => {
    assert.throws(() => rectificationFields({ email: 'x@example.com', last_name: 3, position: 'a\nb' }), (error: unknown) => {
      assert.ok(error instanceof DomainError);
      assert.equal(error.code, 'validation_failed');
      assert.deepEqual(error.details?.map((p) => p.field), ['fields.email', 'fields.last_name', 'fields.position']);
      return true;
    });
  });
});
