import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ChaosContext, randomProgressPoints } from './disruptions';
import { seededRandom } from './seeded-random';

describe('seededRandom', () => {
  it('repeats its sequence for the same seed, and differs for another', () => {
    const draw = (seed: number) => Array.from({ length: 8 }, seededRandom(seed).next);
    assert.deepEqual(draw(42), draw(42));
    assert.notDeepEqual(draw(42), draw(43));
  });

  it('stays in its ranges', () => {
    const random = seededRandom(7);
    for (let i = 0; i < 2_000; i++) {
      const x = random.next();
      assert.ok(x >= 0 && x < 1);
      const n = random.between(3, 5);
      assert.ok(Number.isInteger(n) && n >= 3 && n <= 5);
    }
  });

  it('says yes about as often as asked', () => {
    const random = seededRandom(2024);
    const yes = Array.from({ length: 10_000 }, () => random.chance(0.2)).filter(Boolean).length;
    assert.ok(yes > 1_800 && yes < 2_200, `${yes} of 10000`);
  });
});

describe('randomProgressPoints', () => {
  const contextFor = (expectedSends: number, seed: number) => ({ expectedSends, random: seededRandom(seed) }) as unknown as ChaosContext;

  it('spreads the moments over the first 85 % of the sends, one per stretch, in order', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const points = randomProgressPoints(contextFor(90, seed), 5);
      assert.equal(points.length, 5);
      points.forEach((point, i) => {
        assert.ok(point >= 1 + Math.floor((i * 76) / 5) && point <= Math.floor(((i + 1) * 76) / 5), `seed ${seed}: ${points}`);
      });
    }
  });

  it('still gives every moment on a tiny run', () => {
    assert.deepEqual(randomProgressPoints(contextFor(3, 1), 5).length, 5);
  });
});
