import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reasonedPost } from './reasoned-post';

describe('reasonedPost', () => {
  it('takes a reason and the confirmation', () => {
    assert.deepEqual(reasonedPost({ reason: ' Asked by mail ', confirmed: 'yes' }), { ok: true, reason: 'Asked by mail' });
  });

  it('names the missing field', () => {
    assert.match((reasonedPost({ reason: ' ', confirmed: 'yes' }) as { message: string }).message, /^reason:/);
    assert.match((reasonedPost({ reason: 'x'.repeat(1001), confirmed: 'yes' }) as { message: string }).message, /^reason:/);
    assert.match((reasonedPost({ reason: 'Asked' }) as { message: string }).message, /^confirmed:/);
  });
});
