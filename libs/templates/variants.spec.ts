import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pickVariant, variantKey } from './variants';

describe('pickVariant', () => {
  const variants = [
    { key: 'A', weight: 1 },
    { key: 'B', weight: 3 },
  ];

  it('follows the weights over many enrollments', () => {
    let b = 0;
    for (let i = 0; i < 4_000; i++) if (pickVariant(variants, `enrollment-${i}:step`).key === 'B') b++;
    assert.ok(b > 2_850 && b < 3_150, `B picked ${b} times of 4000 (expected about 3000)`);
  });

  it('is the same for the same seed', () => {
    for (let i = 0; i < 50; i++) assert.equal(pickVariant(variants, `s${i}`), pickVariant(variants, `s${i}`));
  });

  it('never picks a variant of weight 0 and refuses no variant at all', () => {
    const onlyB = [{ key: 'A', weight: 0 }, { key: 'B', weight: 1 }];
    for (let i = 0; i < 200; i++) assert.equal(pickVariant(onlyB, `x${i}`).key, 'B');
    assert.throws(() => pickVariant([], 'seed'));
  });

  it('names variants A, B, C…', () => {
    assert.deepEqual([0, 1, 2, 4].map(variantKey), ['A', 'B', 'C', 'E']);
  });
});
