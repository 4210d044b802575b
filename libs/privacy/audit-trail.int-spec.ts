import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { loadConfig } from '@relance/config';
import { AuditRepository, createDataSource } from '@relance/db';
import { AuditTrail } from './audit-trail';

/** The audit trail on real PostgreSQL: appended and read, never changed, never an address. */
describe('AuditTrail (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let trail: AuditTrail;
  let events: AuditRepository;
  const accountId = randomUUID();

  before(async () => {
    dataSource = await createDataSource(loadConfig().database.url, { poolSize: 2 }).initialize();
    events = new AuditRepository(dataSource);
    trail = new AuditTrail(events);
  });

  after(async () => {
    await dataSource?.destroy();
  });

  it('appends events and lists them newest first, by target or account', async () => {
    const prospectId = randomUUID();
    const staffId = randomUUID();
    const first = await trail.record({
      actor: { kind: 'staff', id: staffId }, action: 'prospect.viewed', target: { type: 'prospect', id: prospectId }, accountId,
    });
    const second = await trail.record({
      actor: { kind: 'system', id: null }, action: 'prospect.erased', target: { type: 'prospect', id: prospectId }, accountId,
      details: { rows: { prospects: 1, messages: 3 } },
    });
    const byTarget = await events.list({ targetType: 'prospect', targetId: prospectId }, { limit: 10 });
    assert.deepEqual(byTarget?.items.map((event) => event.id), [second.id, first.id]);
    assert.deepEqual(byTarget?.items[0].details, { rows: { prospects: 1, messages: 3 } });
    const paged = await events.list({ accountId }, { limit: 1 });
    assert.equal(paged?.items[0].id, second.id);
    assert.equal((await events.list({ accountId }, { limit: 1, after: paged!.nextCursor }))?.items[0].id, first.id);
  });

  it('masks an address typed into a reason', async () => {
    const event = await trail.record({
      actor: { kind: 'staff', id: randomUUID() }, action: 'privacy_request.verified', target: { type: 'privacy_request', id: randomUUID() },
      reason: 'called ada.lovelace@analytical.test back on the number she gave',
    });
    assert.equal(event.reason, 'called [email] back on the number she gave');
  });

  it('refuses every change and every removal, even from SQL', async () => {
    const event = await trail.record({ actor: { kind: 'system', id: null }, action: 'test', target: { type: 'test', id: 't' } });
    await assert.rejects(dataSource.query(`UPDATE audit_events SET action = 'forged' WHERE id = $1`, [event.id]), /append-only/);
    await assert.rejects(dataSource.query(`DELETE FROM audit_events WHERE id = $1`, [event.id]), /append-only/);
    await assert.rejects(dataSource.query(`TRUNCATE audit_events`), /append-only/);
    const [kept] = await dataSource.query(`SELECT action FROM audit_events WHERE id = $1`, [event.id]);
    assert.equal(kept.action, 'test');
  });
});
