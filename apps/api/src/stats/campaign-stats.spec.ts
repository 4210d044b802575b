import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildCampaignStats, ratesOf } from './campaign-stats';

const counts = (sent: number, opened = 0, clicked = 0, replied = 0, bounced = 0, unsubscribed = 0, complained = 0) =>
  ({ sent, opened, clicked, replied, bounced, unsubscribed, complained });

describe('ratesOf', () => {
  it('divides each count by sent', () => {
    assert.deepEqual(ratesOf(counts(4, 2, 1, 3, 0, 4, 1)), {
      opened: 0.5, clicked: 0.25, replied: 0.75, bounced: 0, unsubscribed: 1, complained: 0.25,
    });
  });

  it('is null, not 0, when nothing was sent', () => {
    assert.deepEqual(ratesOf(counts(0)), { opened: null, clicked: null, replied: null, bounced: null, unsubscribed: null, complained: null });
  });
});

describe('buildCampaignStats', () => {
  const prospects = { enrolled: 5, ...counts(4, 2, 1, 1, 0, 0) };

  it('orders email steps by position, sums variants into their step, sorts variants', () => {
    const stats = buildCampaignStats(
      'c1',
      [{ id: 's2', position: 2 }, { id: 's0', position: 0 }],
      [
        { stepId: 's0', variant: 'B', ...counts(2, 1, 0, 1) },
        { stepId: 's0', variant: 'A', ...counts(2, 2, 1, 0) },
        { stepId: 's2', variant: 'A', ...counts(3, 0, 0, 0, 1, 1) },
      ],
      prospects,
    );
    assert.deepEqual(stats.steps.map((s) => [s.stepId, s.position, s.variants.map((v) => v.variant)]), [
      ['s0', 0, ['A', 'B']],
      ['s2', 2, ['A']],
    ]);
    const [first] = stats.steps;
    assert.deepEqual({ ...first, rates: undefined, variants: undefined }, {
      stepId: 's0', position: 0, ...counts(4, 3, 1, 1), rates: undefined, variants: undefined,
    });
    assert.deepEqual(first.rates, { opened: 0.75, clicked: 0.25, replied: 0.25, bounced: 0, unsubscribed: 0, complained: 0 });
    assert.deepEqual(first.variants[1], { variant: 'B', ...counts(2, 1, 0, 1), rates: ratesOf(counts(2, 1, 0, 1)) });
    assert.equal(stats.totals.emailsSent, 7);
    assert.deepEqual(stats.totals.rates, ratesOf(prospects));
    assert.equal(stats.totals.enrolled, 5);
  });

  it('shows a step nothing was sent for with its one variant at zero and null rates', () => {
    const stats = buildCampaignStats('c1', [{ id: 's0', position: 0 }], [], { enrolled: 0, ...counts(0) });
    assert.deepEqual(stats.steps[0].variants, [{ variant: 'A', ...counts(0), rates: ratesOf(counts(0)) }]);
    assert.equal(stats.steps[0].rates.opened, null);
    assert.equal(stats.totals.emailsSent, 0);
    assert.equal(stats.totals.rates.replied, null);
  });
});
