import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planBatch, type CheckedRow } from './batch-plan';
import type { ImportedProspect } from './row-check';

const person = (email: string): ImportedProspect => ({
  email, firstName: null, lastName: null, position: null, company: null, country: null, timeZone: null, customFields: {},
});
const good = (line: number, email: string, suppressed: string | null = null): CheckedRow => ({ kind: 'good', line, prospect: person(email), suppressed });
const options = { onExisting: 'skip' as const, emailColumn: 'Email' };

describe('planBatch', () => {
  it('creates new addresses, refuses repeats naming the first line, and keeps refused rows refused', () => {
    const plan = planBatch([
      good(2, 'a@x.test'),
      { kind: 'bad', line: 3, email: null, problems: [{ column: 'Email', reason: 'is empty: an email address is required', value: '' }] },
      good(4, 'a@x.test'),
      good(5, 'b@x.test'),
    ], { existing: new Map(), handledAt: new Map() }, options);
    assert.deepEqual(plan.inserts.map((row) => row.line), [2, 5]);
    assert.deepEqual(plan.refusals.map((r) => [r.line, r.reason]), [
      [3, 'is empty: an email address is required'],
      [4, 'repeats the address of line 2: only the first is imported'],
    ]);
    assert.equal(plan.refusedRows, 2);
  });

  it('recognises an address an earlier batch handled', () => {
    const plan = planBatch([good(900, 'a@x.test')], { existing: new Map([['a@x.test', { id: 'p1', restricted: false }]]), handledAt: new Map([['a@x.test', 12]]) }, options);
    assert.deepEqual(plan.refusals.map((r) => r.reason), ['repeats the address of line 12: only the first is imported']);
    assert.deepEqual([plan.inserts, plan.updates, plan.skips], [[], [], []]);
  });

  it('updates or skips existing prospects as chosen, never updating a restricted one', () => {
    const existing = new Map([['a@x.test', { id: 'p1', restricted: false }], ['r@x.test', { id: 'p2', restricted: true }]]);
    const rows = [good(2, 'a@x.test'), good(3, 'r@x.test')];
    const skip = planBatch(rows, { existing, handledAt: new Map() }, options);
    assert.deepEqual(skip.skips.map((row) => row.prospectId), ['p1', 'p2']);
    const update = planBatch(rows, { existing, handledAt: new Map() }, { ...options, onExisting: 'update' });
    assert.deepEqual(update.updates.map((row) => row.prospectId), ['p1']);
    assert.deepEqual(update.skips.map((row) => row.prospectId), ['p2']);
  });

  it('refuses a suppressed address with the list\'s reason before anything else', () => {
    const plan = planBatch([good(2, 's@x.test', 'the address is on the account\'s suppression list (unsubscribed)')],
      { existing: new Map(), handledAt: new Map() }, options);
    assert.deepEqual(plan.refusals, [{
      line: 2, email: 's@x.test', column: 'Email', value: 's@x.test', reason: 'the address is on the account\'s suppression list (unsubscribed)',
    }]);
  });
});
