import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { additionChanges, effectiveDateFor, fieldChanges } from './change-plan';

const FIELDS = {
  name: 'Acme', address: '1 Road, Town', processingScope: 'Hosting', personalDataTypes: 'All data',
  processingLocation: 'EU', transferMechanism: 'N/A',
};
const NOW = new Date('2027-01-10T00:00:00Z');
const DAY = 86_400_000;

describe('change plans', () => {
  it('records only the fields that change, with their values before', () => {
    assert.deepEqual(fieldChanges(FIELDS, { address: '2 Road, Town', name: 'Acme' }), { address: { before: '1 Road, Town', after: '2 Road, Town' } });
    assert.deepEqual(fieldChanges(FIELDS, {}), {});
    assert.deepEqual(additionChanges(FIELDS).name, { before: null, after: 'Acme' });
    assert.equal(Object.keys(additionChanges(FIELDS)).length, 6);
  });

  it('defaults to now + the notice period, or a later pending change\'s date', () => {
    assert.deepEqual(effectiveDateFor(undefined, { now: NOW, noticePeriodMs: 30 * DAY, latestPending: null }), { at: new Date(NOW.getTime() + 30 * DAY) });
    const later = new Date(NOW.getTime() + 40 * DAY);
    assert.deepEqual(effectiveDateFor(undefined, { now: NOW, noticePeriodMs: 30 * DAY, latestPending: later }), { at: later });
  });

  it('refuses a date not ahead of now, or before a pending change of the entry, naming effectiveAt', () => {
    const past = effectiveDateFor(NOW, { now: NOW, noticePeriodMs: DAY, latestPending: null });
    assert.ok('problem' in past && past.problem.field === 'effectiveAt' && /in the future/.test(past.problem.message));
    const early = effectiveDateFor(new Date(NOW.getTime() + DAY), { now: NOW, noticePeriodMs: DAY, latestPending: new Date(NOW.getTime() + 2 * DAY) });
    assert.ok('problem' in early && /must not be before/.test(early.problem.message));
    const fine = new Date(NOW.getTime() + 3 * DAY);
    assert.deepEqual(effectiveDateFor(fine, { now: NOW, noticePeriodMs: DAY, latestPending: new Date(NOW.getTime() + 2 * DAY) }), { at: fine });
  });
});
