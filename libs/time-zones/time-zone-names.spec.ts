import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasTimeZoneNameForm, isKnownTimeZone, isUtcOffset } from './time-zone-names';

// Offsets as people write them. Node 24's Intl accepts the first six as time zones; Node 20's does not.
const OFFSETS = ['+05:30', '+0530', '+05', '-08:00', '+00:00', '\u221205:00', 'UTC+2', 'UTC+02:00', 'GMT+2', 'gmt-05:00', ' +02:00 '];

// tzdata names that are not plain letters: digits, signs, hyphens, three parts.
const UNUSUAL_IANA_NAMES = [
  'Etc/GMT+5', 'Etc/GMT-14', 'Etc/GMT0', 'Etc/GMT-0', 'GMT+0', 'GMT-0', 'GMT0', 'EST5EDT', 'PST8PDT', 'NZ-CHAT', 'GB-Eire',
  'W-SU', 'America/Port-au-Prince', 'Asia/Ust-Nera', 'America/North_Dakota/New_Salem', 'America/Argentina/ComodRivadavia',
];

describe('isUtcOffset', () => {
  it('recognises an offset however it is written', () => {
    for (const value of OFFSETS) assert.equal(isUtcOffset(value), true, value);
  });

  it('takes no IANA name for an offset, not even those spelt with a sign', () => {
    for (const value of [...UNUSUAL_IANA_NAMES, 'Europe/Paris', 'UTC', 'GMT']) assert.equal(isUtcOffset(value), false, value);
  });
});

describe('hasTimeZoneNameForm', () => {
  it('accepts the form of every kind of IANA name, in any case', () => {
    for (const value of [...UNUSUAL_IANA_NAMES, 'Europe/Paris', 'america/new_york', 'UTC', 'Mars/Olympus']) {
      assert.equal(hasTimeZoneNameForm(value), true, value);
    }
  });

  it('refuses offsets, spaces, empty parts and what is too long to be a name', () => {
    const refused = [...OFFSETS, '', ' Europe/Paris', 'Europe/Paris ', 'Europe//Paris', '/UTC', 'UTC/', 'Europe/_Paris', 'x'.repeat(65)];
    for (const value of refused) assert.equal(hasTimeZoneNameForm(value), false, JSON.stringify(value));
  });
});

describe('isKnownTimeZone', () => {
  it("accepts the names this runtime's tz data knows", () => {
    for (const value of [...UNUSUAL_IANA_NAMES, 'Europe/Paris', 'europe/paris', 'UTC', 'Asia/Kolkata', 'US/Eastern']) {
      assert.equal(isKnownTimeZone(value), true, value);
    }
  });

  it('refuses offsets whatever Intl accepts, unknown names and what is not a string', () => {
    for (const value of [...OFFSETS, 'Europe/Atlantis', 'Paris', '', 42, null, undefined]) {
      assert.equal(isKnownTimeZone(value), false, String(value));
    }
  });
});
