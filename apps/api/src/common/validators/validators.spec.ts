import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from 'class-validator';
import { customFieldsProblem } from './custom-fields';
import { instantOf } from './instant';
import { canonicalTimeZone, fixedOffsetProblem, IsTimeZone } from './time-zone';

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

  it('refuses offsets, which newer runtimes accept as zones, saying to name a city zone', () => {
    for (const value of ['+02:00', '+0200', '-08:00', '\u221205:00', 'UTC+2', 'GMT+02:00']) {
      assert.equal(canonicalTimeZone(value), null, value);
      assert.match(fixedOffsetProblem(value) ?? '', /^a fixed offset from UTC, not a time zone: .* such as Europe\/Paris$/, value);
    }
    // IANA's legacy names for UTC that carry a sign are names, not offsets.
    assert.equal(fixedOffsetProblem('GMT+0'), null);
    assert.equal(canonicalTimeZone('Etc/GMT+5'), 'Etc/GMT+5');
  });

  it('gives the same spelling on every runtime for the POSIX-style US names', () => {
    assert.equal(canonicalTimeZone('EST5EDT'), 'America/New_York');
    assert.equal(canonicalTimeZone('cst6cdt'), 'America/Chicago');
    assert.equal(canonicalTimeZone('MST7MDT'), 'America/Denver');
    assert.equal(canonicalTimeZone('PST8PDT'), 'America/Los_Angeles');
  });
});

describe('IsTimeZone', () => {
  class Place {
    @IsTimeZone() timeZone: unknown;
  }
  const problemWith = async (timeZone: unknown) => {
    const place = Object.assign(new Place(), { timeZone });
    const errors = await validate(place);
    return errors.length === 0 ? null : Object.values(errors[0].constraints ?? {}).join('; ');
  };

  it('accepts an IANA name', async () => {
    assert.equal(await problemWith('Europe/Paris'), null);
  });

  it('names the property and says why an offset or EST is not a zone', async () => {
    assert.equal(await problemWith('+02:00'),
      'timeZone "+02:00" is a fixed offset from UTC, not a time zone: its clock ignores daylight saving; use a city zone such as Europe/Paris');
    assert.match(await problemWith('EST') ?? '', /^timeZone "EST" is a fixed UTC−05:00 offset without daylight saving/);
    assert.equal(await problemWith('Mars/Olympus'), 'timeZone must be an IANA time zone such as Europe/Paris');
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
