import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findReturnDate } from './return-date';

/** Wednesday 2 December 2026, mid-morning in London and Paris alike. */
const RECEIVED = new Date('2026-12-02T10:00:00Z');

const at = (text: string, received = RECEIVED, zone?: string) => findReturnDate(text, received, zone)?.toISOString() ?? null;

describe('findReturnDate — English', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['I am out of the office and will be back on Monday 14 December.', '2026-12-14T09:00:00.000Z'],
    ['I will return on 12/14/2026.', '2026-12-14T09:00:00.000Z'],
    ['I am away until December 14th with no access to email.', '2026-12-15T09:00:00.000Z'],
    ["I'm travelling and back on the 3rd.", '2026-12-03T09:00:00.000Z'],
    ['Returning January 5, 2027.', '2027-01-05T09:00:00.000Z'],
    ['Back in the office on 2026-12-14.', '2026-12-14T09:00:00.000Z'],
    ['Out of the office from 7 December to 18 December.', '2026-12-19T09:00:00.000Z'],
    ['Annual leave: 7-18 December.\n\nI am away 7-18 December.', '2026-12-19T09:00:00.000Z'],
    ["I'm away December 7-18, back soon.", '2026-12-19T09:00:00.000Z'],
    ['I will be out till Friday.', '2026-12-05T09:00:00.000Z'],
    ['Back tomorrow.', '2026-12-03T09:00:00.000Z'],
    ['I will return on Mon. 4 Jan.', '2027-01-04T09:00:00.000Z'],
    ['Thank you for your message. I am on leave\nuntil Monday the 14th of\nDecember and will reply then.', '2026-12-15T09:00:00.000Z'],
    ["I'm OOO until Mon 12/14", '2026-12-15T09:00:00.000Z'],
    ['I am away until 14 Dec at 2pm.', '2026-12-15T09:00:00.000Z'],
    ['I am out of the office until 14/12/26.', '2026-12-15T09:00:00.000Z'],
    ["I'll be available from Monday 7 December.", '2026-12-07T09:00:00.000Z'],
    ["I'm out of the office December 21 - January 3.", '2027-01-04T09:00:00.000Z'],
    ['Out of office 21 Dec - 3 Jan', '2027-01-04T09:00:00.000Z'],
    ['Back Monday 9am.', '2026-12-07T09:00:00.000Z'],
    ['Back on Friday 14:00.', '2026-12-04T09:00:00.000Z'],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => assert.equal(at(text), expected));
  }
});

describe('findReturnDate — French', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['Je serai de retour le 14/12/2026.', '2026-12-14T09:00:00.000Z'],
    ["Je suis absente jusqu'au 14 décembre.", '2026-12-15T09:00:00.000Z'],
    ['Je serai absent(e) du 7 au 18 décembre.', '2026-12-19T09:00:00.000Z'],
    ['Retour prévu le lundi 4 janvier.', '2027-01-04T09:00:00.000Z'],
    ['Je reprendrai le travail le 1er janvier.', '2027-01-01T09:00:00.000Z'],
    ['Absent du lundi 7 décembre au vendredi 8 janvier 2027 inclus.', '2027-01-09T09:00:00.000Z'],
    ['Je suis en congés jusqu’à vendredi.', '2026-12-05T09:00:00.000Z'],
    ['Date de retour : 04/01/2027', '2027-01-04T09:00:00.000Z'],
    ['Je serai de RETOUR LE 3.', '2026-12-03T09:00:00.000Z'],
    ['De retour demain matin.', '2026-12-03T09:00:00.000Z'],
    ['Je serai joignable à partir du 5 janvier.', '2027-01-05T09:00:00.000Z'],
    ['Disponible dès le 7.', '2026-12-07T09:00:00.000Z'],
    ['Absente 21 décembre au 3 janvier.', '2027-01-04T09:00:00.000Z'],
    ['De retour mardi 8.', '2026-12-08T09:00:00.000Z'],
    ['De retour lundi 9h.', '2026-12-07T09:00:00.000Z'],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => assert.equal(at(text), expected));
  }
});

describe('findReturnDate — choosing between dates', () => {
  it('prefers the stated return day over the last day away', () => {
    const text = 'I am out of the office until Friday 18 December. I will be back on Wednesday 23 December.';
    assert.equal(at(text), '2026-12-23T09:00:00.000Z');
  });

  it('places a bare weekday of return after the last day away', () => {
    assert.equal(at('Out until Friday 18 December, back on Monday.'), '2026-12-21T09:00:00.000Z');
    assert.equal(at("Absente jusqu'au vendredi 18 décembre, de retour lundi."), '2026-12-21T09:00:00.000Z');
  });

  it('lets the keyword nearest the date decide', () => {
    assert.equal(at('Away until I am back on Monday 14 December.'), '2026-12-14T09:00:00.000Z');
  });

  it('ignores dates no keyword points at', () => {
    assert.equal(at('Our meeting on 14 December is cancelled. I am out of the office.'), null);
    assert.equal(at('I am back.\n\nThe webinar is on 14 December.'), null);
  });

  it('does not let a keyword reach across a sentence', () => {
    assert.equal(at('I will get back to you. The 14 December session is full.'), null);
  });

  it('skips a past date and uses the next credible one', () => {
    assert.equal(at('Back on 1 December 2026. Returning 4 January 2027.'), '2027-01-04T09:00:00.000Z');
  });
});

describe('findReturnDate — years, order of digits and time zones', () => {
  it('takes the next occurrence when the year is omitted', () => {
    const march = new Date('2026-03-20T12:00:00Z');
    assert.equal(at('back on 14 December', march), '2026-12-14T09:00:00.000Z');
    const july = new Date('2026-07-20T12:00:00Z');
    assert.equal(at('back on 10 March', july), '2027-03-10T09:00:00.000Z');
  });

  it('does not roll a date just past on to next year: the responder was left on', () => {
    const january = new Date('2027-01-05T10:00:00Z');
    assert.equal(at('Out of the office until 31 December.', january), null);
    assert.equal(at('Je serai de retour le 4 janvier.', january), null);
    assert.equal(at('back on 10 March', new Date('2026-03-20T12:00:00Z')), null);
  });

  it('rolls over the year for a date after New Year read in late December', () => {
    const lateDecember = new Date('2026-12-28T10:00:00Z');
    assert.equal(at('Absente jusqu\'au 3 janvier inclus.', lateDecember, 'Europe/Paris'), '2027-01-04T08:00:00.000Z');
    assert.equal(at("I'm out of office through 1/3, returning Monday 1/4.", lateDecember, 'America/Chicago'), '2027-01-04T15:00:00.000Z');
    assert.equal(at('Out of office until 31 December.', new Date('2026-12-31T10:00:00Z')), '2027-01-01T09:00:00.000Z');
  });

  it('keeps a return on the received day itself', () => {
    assert.equal(at('back on 2 December'), '2026-12-02T09:00:00.000Z');
  });

  it('reads ambiguous English digits month-first, French ones day-first', () => {
    assert.equal(at('back on 4/5/2027'), '2027-04-05T09:00:00.000Z');
    assert.equal(at('de retour le 4/5/2027'), '2027-05-04T09:00:00.000Z');
  });

  it('reads English digits day-first for someone outside the Americas', () => {
    assert.equal(at('back on 4/5/2027', RECEIVED, 'Europe/London'), '2027-05-04T08:00:00.000Z');
    assert.equal(at('back on 4/5/2027', RECEIVED, 'America/Chicago'), '2027-04-05T14:00:00.000Z');
  });

  it('lets an impossible order decide regardless of language', () => {
    assert.equal(at('back on 14/12/2026'), '2026-12-14T09:00:00.000Z');
    assert.equal(at('de retour le 12/14/2026'), '2026-12-14T09:00:00.000Z');
  });

  it('takes the other order of ambiguous digits when the likely one is past or too far', () => {
    // Day-first in London would be 12 July 2026, months ago: only 7 December can be meant.
    assert.equal(at('I will be back on 12/07/2026.', RECEIVED, 'Europe/London'), '2026-12-07T09:00:00.000Z');
    assert.equal(at('de retour le 12/07/2026'), '2026-12-07T09:00:00.000Z');
    // Both orders ahead: the writer's likely one stands (3 April in New York, not 4 March).
    assert.equal(at('back on 4/3/2027', RECEIVED, 'America/New_York'), '2027-04-03T13:00:00.000Z');
    // Neither order credible: nothing.
    assert.equal(at('back on 1/2/2026'), null);
  });

  it('gives 09:00 local time in the zone, across a DST change', () => {
    const friday = new Date('2026-03-27T16:00:00Z');
    assert.equal(at('back on Monday 30 March', friday, 'Europe/Paris'), '2026-03-30T07:00:00.000Z');
    assert.equal(at('back on Monday 7 December', RECEIVED, 'Europe/Paris'), '2026-12-07T08:00:00.000Z');
    assert.equal(at('back on Monday 7 December', RECEIVED, 'Asia/Tokyo'), '2026-12-07T00:00:00.000Z');
  });

  it('resolves the day in the zone of the person, not in UTC', () => {
    // 23:30 on 2 December in New York is already 3 December in UTC: "tomorrow" is still the 3rd.
    const lateEvening = new Date('2026-12-03T04:30:00Z');
    assert.equal(at('back tomorrow', lateEvening, 'America/New_York'), '2026-12-03T14:00:00.000Z');
  });

  it('falls back to UTC for an unknown zone', () => {
    assert.equal(at('back on 14 December', RECEIVED, 'Mars/Olympus_Mons'), '2026-12-14T09:00:00.000Z');
  });

  it('finds 29 February in the next leap year', () => {
    assert.equal(at('back on 29 February', new Date('2027-09-01T00:00:00Z')), '2028-02-29T09:00:00.000Z');
  });
});

describe('findReturnDate — our rules on top of chrono', () => {
  it('reads a French weekday abbreviated before its date ("mar." is not March there)', () => {
    assert.equal(at('De retour mar. 14 déc.'), '2026-12-14T09:00:00.000Z');
  });

  it('reads "après-demain" as two days on', () => {
    assert.equal(at('De retour après-demain.'), '2026-12-04T09:00:00.000Z');
  });

  it('ends a range written "between … and" or "entre … et"', () => {
    assert.equal(at('I am away between 7 and 18 December.'), '2026-12-19T09:00:00.000Z');
    assert.equal(at('Absente entre le 7 et le 18 décembre.'), '2026-12-19T09:00:00.000Z');
  });

  it('ends a range that starts today', () => {
    assert.equal(at('Out from now until 18 December.'), '2026-12-19T09:00:00.000Z');
  });

  it('does not take a bare abbreviation for a weekday ("mon" is "my", "mer" the sea)', () => {
    assert.equal(at('Je serai de retour sur mon poste.'), null);
    assert.equal(at('De retour de la mer, je vous réponds.'), null);
    assert.equal(at('Back from the sun, wed.'), null);
  });
});

describe('findReturnDate — phrasings chrono adds', () => {
  it('reads a count of days or weeks from the day received', () => {
    assert.equal(at('Back in 3 days.'), '2026-12-05T09:00:00.000Z');
    assert.equal(at('De retour dans 2 semaines.'), '2026-12-16T09:00:00.000Z');
  });

  it('counts those days in the zone of the person, across a DST change', () => {
    // 00:30 on Saturday 28 March in Paris; the clocks go forward on the 29th.
    assert.equal(at('Back in 3 days.', new Date('2026-03-27T23:30:00Z'), 'Europe/Paris'), '2026-03-31T07:00:00.000Z');
    // 23:30 on 2 December in New York is already the 3rd in UTC.
    assert.equal(at('Back in 2 days.', new Date('2026-12-03T04:30:00Z'), 'America/New_York'), '2026-12-04T14:00:00.000Z');
  });

  it('reads "until the end of the month"', () => {
    assert.equal(at('I will be out of the office until the end of the month.'), '2027-01-01T09:00:00.000Z');
  });
});

describe('findReturnDate — nothing credible', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['no date at all', 'I am out of the office with limited access to email.'],
    ['an open end', 'I am away until further notice.'],
    ['a past date', 'I will be back on 1 March 2026.'],
    ['more than a year ahead', 'I will be back on 14 December 2027.'],
    ['an impossible date', 'Back on 31 February 2027.'],
    ['a range start only', 'I am on leave from 7 December.'],
    ['a status code', 'Back later, error 5.1.1 occurred.'],
    ['a time of day', 'I will be back at 9.30 today.'],
    ['an absence starting, not an availability', 'I will not be available from 21 December.'],
    ['an absence starting, in French', 'Je ne serai pas joignable à partir du 21 décembre.'],
    ["no date (\"after the holidays\")", "I'm returning after the holidays."],
  ];
  for (const [label, text] of cases) {
    it(`returns null for ${label}`, () => assert.equal(at(text), null));
  }

  it('reads only the first 20,000 characters', () => {
    assert.equal(at(`${'x '.repeat(10_000)}back on 14 December`), null);
    assert.equal(at(`${'x '.repeat(9_000)}back on 14 December`), '2026-12-14T09:00:00.000Z');
  });

  it('returns null for an invalid received date', () => {
    assert.equal(findReturnDate('back on 14 December', new Date(Number.NaN)), null);
  });
});
