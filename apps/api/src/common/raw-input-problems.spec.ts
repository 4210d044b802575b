import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rawInputProblems } from './raw-input-problems';

describe('rawInputProblems', () => {
  it('accepts ordinary JSON, nulls outside arrays included', () => {
    assert.deepEqual(rawInputProblems({ name: 'Q3 — été 🚀', steps: [{ body: 'a\nb', variants: null }], n: 1, ok: true }), []);
    assert.deepEqual(rawInputProblems(undefined), []);
  });

  it('names every string and key carrying U+0000, by its path', () => {
    const problems = rawInputProblems({ name: 'a\u0000', customFields: { 'k\u0000': 'x', tier: 'b\u0000' }, tags: ['ok', '\u0000'] });
    assert.deepEqual(problems, [
      { field: 'customFields', message: 'a property name in customFields must not contain the NUL character (U+0000)' },
      { field: 'customFields.tier', message: 'customFields.tier must not contain the NUL character (U+0000)' },
      { field: 'name', message: 'name must not contain the NUL character (U+0000)' },
      { field: 'tags.1', message: 'tags.1 must not contain the NUL character (U+0000)' },
    ]);
    assert.deepEqual(rawInputProblems('\u0000'), [{ field: 'the body', message: 'the body must not contain the NUL character (U+0000)' }]);
  });

  it('names null array elements', () => {
    assert.deepEqual(rawInputProblems({ steps: [{ type: 'email' }, null] }), [{ field: 'steps.1', message: 'steps.1 must not be null' }]);
  });

  it('survives a hostile body: deep nesting, thousands of problems', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    assert.equal(rawInputProblems(deep).length, 1);
    assert.equal(rawInputProblems({ many: Array.from({ length: 5_000 }, () => null) }).length, 10);
  });
});
