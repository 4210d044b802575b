import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PrivacyRequest } from '@relance/db';
import { supportHome } from './support-home';

const NOW = new Date('2026-12-07T12:00:00Z');
const at = (iso: string) => new Date(iso);

function request(id: string, status: 'verified' | 'awaiting_verification', dueAt: string | null, createdAt = '2026-11-01T00:00:00Z'): PrivacyRequest {
  return { id, type: 'erasure', status, requester: 'subject', dueAt: dueAt ? at(dueAt) : null, createdAt: at(createdAt) } as PrivacyRequest;
}

describe('support home', () => {
  it('puts overdue first, then due soon, then on time, then unverified by age', () => {
    const lines = supportHome([
      request('later', 'verified', '2027-01-01T12:00:00Z'),
      request('unverified-new', 'awaiting_verification', null, '2026-12-06T00:00:00Z'),
      request('soon', 'verified', '2026-12-10T12:00:00Z'),
      request('overdue', 'verified', '2026-12-05T12:00:00Z'),
      request('unverified-old', 'awaiting_verification', null, '2026-12-01T00:00:00Z'),
    ], NOW);
    assert.deepEqual(lines.map((l) => [l.id, l.urgency, l.daysLeft]), [
      ['overdue', 'overdue', -2],
      ['soon', 'due_soon', 3],
      ['later', 'on_time', 25],
      ['unverified-old', 'awaiting_verification', null],
      ['unverified-new', 'awaiting_verification', null],
    ]);
  });

  it('counts whole days rounded up: due in an hour is 1 day left; due an hour ago is overdue', () => {
    const [inAnHour] = supportHome([request('a', 'verified', '2026-12-07T13:00:00Z')], NOW);
    assert.deepEqual([inAnHour.daysLeft, inAnHour.urgency], [1, 'due_soon']);
    const [anHourAgo] = supportHome([request('b', 'verified', '2026-12-07T11:00:00Z')], NOW);
    assert.deepEqual([anHourAgo.daysLeft, anHourAgo.urgency], [0, 'overdue']);
    const [eightDays] = supportHome([request('c', 'verified', '2026-12-15T12:00:00Z')], NOW);
    assert.deepEqual([eightDays.daysLeft, eightDays.urgency], [8, 'on_time']);
  });
});
