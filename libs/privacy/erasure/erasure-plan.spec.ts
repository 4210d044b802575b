import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PersonalTable } from '../registry/types';
import { PERSONAL_DATA } from '../registry';
import { erasureSteps, replaySql, stepSql } from './erasure-plan';

const registry: PersonalTable[] = [
  {
    table: 'notes', purpose: 'test', erasure: 'delete_row', columns: [{ column: 'body', kind: 'free_text' }],
    lookups: [{ subject: 'prospect', sql: `t.owner IN (SELECT 1)` }, { subject: 'prospect', column: 'prospect_id' }],
  },
  {
    table: 'kept', purpose: 'test', erasure: 'erase_columns', rowKey: 'kept_id',
    columns: [{ column: 'address', kind: 'email', erasure: 'keyed_hash' }, { column: 'nick', kind: 'name' }],
    lookups: [{ subject: 'prospect', column: 'prospect_id' }],
  },
  {
    table: 'hashes', purpose: 'test', erasure: 'erase_columns', columns: [{ column: 'h', kind: 'email_hash', erasure: 'keep' }],
    lookups: [{ subject: 'prospect', column: 'prospect_id' }],
  },
  { table: 'users', purpose: 'test', erasure: 'delete_row', columns: [], lookups: [{ subject: 'user', column: 'id' }] },
];

describe('erasure plan', () => {
  it('takes the tables with a lookup for the subject, in registry order, one statement per lookup', () => {
    const steps = erasureSteps(registry, 'prospect');
    assert.deepEqual(steps.map((s) => s.table), ['notes', 'notes', 'kept']);
    assert.deepEqual(steps.map((s) => s.where), [`t.owner IN (SELECT 1)`, `t."prospect_id" = $1`, `t."prospect_id" = $1`]);
    assert.deepEqual(erasureSteps(registry, 'user').map((s) => s.table), ['users']);
    assert.deepEqual(erasureSteps(registry, 'account'), []);
  });

  it('deletes rows, or erases columns (null by default, the keyed hash as $2), returning the row keys', () => {
    const [notes, , kept] = erasureSteps(registry, 'prospect');
    assert.equal(stepSql(notes), `DELETE FROM "notes" t WHERE t.owner IN (SELECT 1) RETURNING t."id"::text AS key`);
    assert.equal(stepSql(kept), `UPDATE "kept" t SET "address" = $2, "nick" = NULL WHERE t."prospect_id" = $1 RETURNING t."kept_id"::text AS key`);
    assert.equal(replaySql(notes), `DELETE FROM "notes" t WHERE t."id"::text = ANY($1::text[]) RETURNING t."id"::text AS key`);
  });

  it('erases a prospect from every table of the real registry that holds their rows, the prospect last', () => {
    const tables = [...new Set(erasureSteps(PERSONAL_DATA, 'prospect').map((s) => s.table))];
    assert.deepEqual(tables, ['idempotency_keys', 'webhook_delivery_attempts', 'webhook_deliveries', 'enrichment_results', 'import_refusals', 'import_job_prospects', 'prospect_suggestions', 'tracking_events', 'tasks', 'inbound_messages', 'messages', 'enrollments', 'prospects']);
  });
});
