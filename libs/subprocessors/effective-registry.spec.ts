import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveRegistry, type LoggedChange, type StoredEntry } from './effective-registry';

const entry = (id: string, name: string, extra: Partial<StoredEntry> = {}): StoredEntry => ({
  id, name, address: `${name} street`, processingScope: 'Hosting', personalDataTypes: 'All data',
  processingLocation: 'EU', transferMechanism: 'N/A', status: 'active', ...extra,
});
const at = (iso: string) => new Date(iso);
const NOW = at('2027-01-10T00:00:00Z');
let sequence = 0;
const change = (subprocessorId: string, kind: LoggedChange['kind'], changes: LoggedChange['changes'], effective: string): LoggedChange => ({
  id: `c${++sequence}`, subprocessorId, kind, changes, effectiveAt: at(effective), createdAt: at(`2027-01-0${Math.min(9, sequence)}T00:00:00Z`),
});

describe('effectiveRegistry', () => {
  it('lists active entries by name, with no upcoming change when none is pending', () => {
    const registry = effectiveRegistry([entry('b', 'Beta'), entry('a', 'alpha'), entry('r', 'Gone', { status: 'retired' })], [], NOW);
    assert.deepEqual(registry.current.map((e) => e.name), ['alpha', 'Beta']);
    assert.deepEqual(registry.upcoming, []);
  });

  it('an entry whose addition is ahead is upcoming, not current; once its date passes it is current', () => {
    const added = change('n', 'added', { name: { before: null, after: 'New' } }, '2027-02-01T00:00:00Z');
    const before = effectiveRegistry([entry('n', 'New')], [added], NOW);
    assert.deepEqual(before.current, []);
    assert.deepEqual(before.upcoming.map((u) => [u.name, u.kind]), [['New', 'added']]);
    const after = effectiveRegistry([entry('n', 'New')], [added], at('2027-02-01T00:00:01Z'));
    assert.deepEqual(after.current.map((e) => e.name), ['New']);
    assert.deepEqual(after.upcoming, []);
  });

  it('an entry retired with a date ahead is still current, its retirement upcoming', () => {
    const retired = change('s', 'retired', { status: { before: 'active', after: 'retired' } }, '2027-03-01T00:00:00Z');
    const registry = effectiveRegistry([entry('s', 'Stripe', { status: 'retired' })], [retired], NOW);
    assert.deepEqual(registry.current.map((e) => e.name), ['Stripe']);
    assert.equal(registry.upcoming[0].kind, 'retired');
    assert.deepEqual(effectiveRegistry([entry('s', 'Stripe', { status: 'retired' })], [retired], at('2027-03-02T00:00:00Z')).current, []);
  });

  it('an edit ahead shows the old values now and the new name in the announcement; two pending edits undo in order', () => {
    const first = change('h', 'updated', { address: { before: 'Old street', after: 'Mid street' } }, '2027-02-01T00:00:00Z');
    const second = change('h', 'updated', {
      address: { before: 'Mid street', after: 'New street' }, name: { before: 'Hosting Co', after: 'Hosting Group' },
    }, '2027-03-01T00:00:00Z');
    const stored = entry('h', 'Hosting Group', { address: 'New street' });
    const now = effectiveRegistry([stored], [first, second], NOW);
    assert.deepEqual([now.current[0].name, now.current[0].address], ['Hosting Co', 'Old street']);
    assert.deepEqual(now.upcoming.map((u) => u.name), ['Hosting Co', 'Hosting Group']);
    const between = effectiveRegistry([stored], [first, second], at('2027-02-15T00:00:00Z'));
    assert.deepEqual([between.current[0].name, between.current[0].address], ['Hosting Co', 'Mid street']);
  });
});
