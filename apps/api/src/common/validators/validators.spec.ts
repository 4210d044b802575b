import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customFieldsProblem } from './custom-fields';
import { instantOf } from './instant';
import { canonicalTimeZone, fixedOffsetProblem } from './time-zone';

describe('canonicalTimeZone', () => {
  it('accepts IANA names in any case and spells them canonically', () => {
    assert.equal(canonicalTimeZone('Europe/Paris'), 'Europe/Paris');
    assert.equal(canonicalTimeZone('america/new_york'), 'America/New_York');
    assert.equal(canonicalTimeZone('UTC'), 'UTC');
  });

  it("gives today's names where ICU keeps the old ones", () => {
    assert.equal(canonicalTimeZone('Asia/Kolkata'), 'Asia/Kolkata');
    assert.equal(canonicalTimeZone('asia/calcutta'), 'Asia/Kolkata');
    assert.equal(canonicalTimeZone('Asia/Kathmandu'), 'Asia/Kathmandu');
    assert.equal(canonicalTimeZone('Europe/Kyiv'), 'Europe/Kyiv');
    assert.equal(canonicalTimeZone('America/Argentina/Buenos_Aires'), 'America/Argentina/Buenos_Aires');
  });

  it('refuses what is not a time zone', () => {
    for (const value of ['Mars/Olympus', '', 'Paris', 42, null, '+02:00x']) {
      assert.equal(canonicalTimeZone(value), null, String(value));
    }
  });

  it('refuses EST and MST, fixed offsets a rep would take for their region with its summer time', () => {
    for (const value of ['EST', 'est', 'MST']) assert.equal(canonicalTimeZone(value), null, value);
    assert.match(fixedOffsetProblem('EST') ?? '', /without daylight saving: use a city zone such as America\/New_York/);
    // Names with the region's rules stay accepted.
    assert.equal(canonicalTimeZone('US/Eastern'), 'America/New_York');
    assert.notEqual(canonicalTimeZone('EST5EDT'), null);
  });
});

describe('customFieldsProblem', () => {
  it('accepts a flat map of identifier keys to strings', () => {
    assert.equal(customFieldsProblem({}), null);
    assert.equal(customFieldsProblem({ role: 'cto', _x9: '', A_b: 'y' }), null);
  });

  it('names the bad key or value', () => {
    assert.match(customFieldsProblem({ '9lives': 'x' }) ?? '', /key "9lives"/);
    assert.match(customFieldsProblem({ 'a-b': 'x' }) ?? '', /key "a-b"/);
    assert.match(customFieldsProblem({ ['k'.repeat(65)]: 'x' }) ?? '', /64 at most/);
    assert.equal(customFieldsProblem({ n: 1 }), '.n must be a string');
    assert.equal(customFieldsProblem({ n: { deep: 'x' } }), '.n must be a string');
  });

  it('refuses non-objects and too many fields', () => {
    for (const value of [null, 'x', ['a'], 3]) assert.equal(customFieldsProblem(value), 'must be an object of strings');
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`f${i}`, 'x']));
    assert.equal(customFieldsProblem(many), 'must have at most 50 fields');
  });
});

describe('instantOf', () => {
  it('reads date-times with their offset, and dates as their 00:00 UTC', () => {
    assert.equal(instantOf('2026-03-01T10:00:00+01:00')?.toISOString(), '2026-03-01T09:00:00.000Z');
    assert.equal(instantOf('2026-03-01T09:00:00.250Z')?.toISOString(), '2026-03-01T09:00:00.250Z');
    assert.equal(instantOf('2026-03-01T09:00-0500')?.toISOString(), '2026-03-01T14:00:00.000Z');
    assert.equal(instantOf('2026-03-01')?.toISOString(), '2026-03-01T00:00:00.000Z');
  });

  it('refuses a date-time without its offset (whose clock?), and what is not a date', () => {
    for (const value of ['2026-03-01T09:00:00', '2026-02-30', '2026-13-01T00:00:00Z', 'yesterday', '', 20260301, null]) {
      assert.equal(instantOf(value), null, String(value));
    }
  });
});
