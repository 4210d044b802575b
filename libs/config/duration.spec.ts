import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration } from './duration';

describe('parseDuration', () => {
  it('reads every unit', () => {
    assert.equal(parseDuration('250ms'), 250);
    assert.equal(parseDuration('30s'), 30_000);
    assert.equal(parseDuration('5m'), 300_000);
    assert.equal(parseDuration('2h'), 7_200_000);
    assert.equal(parseDuration('90d'), 90 * 86_400_000);
  });

  it('reads a bare number as seconds', () => {
    assert.equal(parseDuration('45'), 45_000);
  });

  it('accepts decimals and rounds to whole milliseconds', () => {
    assert.equal(parseDuration('1.5s'), 1_500);
    assert.equal(parseDuration('0.25m'), 15_000);
    assert.equal(parseDuration('0.4ms'), 0);
  });

  it('tolerates spaces around and inside', () => {
    assert.equal(parseDuration(' 10 s '), 10_000);
  });

  it('accepts zero', () => {
    assert.equal(parseDuration('0s'), 0);
  });

  for (const text of ['', '   ', 'soon', '-5s', '5 minutes', '5min', '5M', '1e3', '5s5m', '.5s', 'Infinity', 's']) {
    it(`refuses ${JSON.stringify(text)} and quotes it`, () => {
      assert.throws(
        () => parseDuration(text),
        (error: unknown) => error instanceof Error && error.message.startsWith(`"${text}" is not a duration`),
      );
    });
  }
});
