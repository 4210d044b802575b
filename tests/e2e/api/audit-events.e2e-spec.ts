import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { newStaffMember, TestStaffMember } from '../../support/staff-fixtures';
import { TestApi } from '../../support/test-api';

/** Events about this run's own target, written as the trail's writers would (with chosen times). */
async function seedEvents(api: TestApi, targetId: string, staffId: string) {
  const rows: [string, string, string | null, string][] = [
    // occurred_at, actor_kind, actor_id, action
    ['2026-01-01T09:00:00Z', 'staff', staffId, 'prospect.viewed'],
    ['2026-01-02T09:00:00Z', 'system', null, 'prospect.exported'],
    ['2026-01-03T09:00:00Z', 'staff', staffId, 'prospect.rectified'],
    ['2026-01-04T09:00:00Z', 'system', null, 'prospect.erased'],
    ['2026-01-05T09:00:00Z', 'data_subject', null, 'privacy_request.verified'],
  ];
  const ids: string[] = [];
  for (const [at, kind, actorId, action] of rows) {
    const [row] = await api.dataSource.query(
      `INSERT INTO audit_events (occurred_at, actor_kind, actor_id, action, target_type, target_id)
       VALUES ($1, $2, $3, $4, 'prospect', $5) RETURNING id`,
      [at, kind, actorId, action, targetId],
    );
    ids.push(row.id);
  }
  return ids;
}

describe('audit trail route', () => {
  let api: TestApi;
  let support: TestStaffMember;
  const targetId = randomUUID();
  let ids: string[];

  before(async () => {
    api = await TestApi.start();
    support = await newStaffMember(api.dataSource, 'support');
    ids = await seedEvents(api, targetId, support.user.id);
  });
  after(() => api?.close());

  const list = (query: string) => api.request('GET', `/v1/staff/audit-events?targetId=${targetId}&${query}`, { key: support.token });
  const idsOf = (body: { data: { id: string }[] }) => body.data.map((event) => event.id);

  it('lists a target\'s events newest first, with actor, target and details', async () => {
    const res = await list('');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(idsOf(res.body), [...ids].reverse());
    assert.equal(res.body.nextCursor, null);
    const oldest = res.body.data[4];
    assert.deepEqual(oldest.actor, { kind: 'staff', id: support.user.id });
    assert.deepEqual(oldest.target, { type: 'prospect', id: targetId });
    assert.equal(oldest.occurredAt, '2026-01-01T09:00:00.000Z');
    assert.deepEqual(oldest.details, {});
  });

  it('filters by actor, action and time range, combined', async () => {
    assert.deepEqual(idsOf((await list('actorKind=system')).body), [ids[3], ids[1]]);
    assert.deepEqual(idsOf((await list(`actorId=${support.user.id}`)).body), [ids[2], ids[0]]);
    assert.deepEqual(idsOf((await list('action=prospect.erased')).body), [ids[3]]);
    assert.deepEqual(idsOf((await list('from=2026-01-02&to=2026-01-04')).body), [ids[2], ids[1]], 'from inclusive, to exclusive');
    assert.deepEqual(idsOf((await list('from=2026-01-03T10:00:00%2B01:00')).body), [ids[4], ids[3], ids[2]], 'offsets are honoured');
    assert.deepEqual(idsOf((await list('actorKind=staff&from=2026-01-02')).body), [ids[2]]);
    const other = await api.request('GET', `/v1/staff/audit-events?targetType=prospect&targetId=${randomUUID()}`, { key: support.token });
    assert.deepEqual(other.body.data, []);
  });

  it('pages with nextCursor, seeing every event once, and refuses a cursor that is not in the list', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await list(`limit=2${cursor ? `&after=${cursor}` : ''}`);
      assert.equal(res.status, 200, res.text);
      assert.ok(res.body.data.length <= 2);
      seen.push(...idsOf(res.body));
      cursor = res.body.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, [...ids].reverse());

    const stale = await list(`after=${randomUUID()}`);
    assert.equal(stale.status, 400);
    assert.equal(stale.body.error.field, 'after');
  });

  it('names the bad filter with a 400', async () => {
    for (const [query, field] of [
      ['actorKind=robot', 'actorKind'], ['actorId=42', 'actorId'], ['from=yesterday', 'from'], ['to=2026-01-01T09:00', 'to'],
      ['from=2026-01-05&to=2026-01-01', 'to'], ['limit=0', 'limit'], ['action=DROP%20TABLE', 'action'],
    ]) {
      const res = await list(query);
      assert.equal(res.status, 400, `${query}: ${res.text}`);
      assert.equal(res.body.error.field, field, query);
    }
  });

  it('no route changes or removes an event: 405 for staff, 401 for others, and the rows stay', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const path of ['/v1/staff/audit-events', `/v1/staff/audit-events/${ids[0]}`]) {
        const res = await api.request(method, path, { key: support.token, body: { action: 'forged' } });
        assert.equal(res.status, 405, `${method} ${path}: ${res.text}`);
        assert.equal(res.body.error.code, 'method_not_allowed');
        assert.equal(res.headers.get('allow'), 'GET');
        const anonymous = await api.request(method, path, { body: { action: 'forged' } });
        assert.equal(anonymous.status, 401, `${method} ${path} without a token`);
      }
    }
    assert.deepEqual(idsOf((await list('')).body), [...ids].reverse());
    const [row] = await api.dataSource.query(`SELECT action FROM audit_events WHERE id = $1`, [ids[0]]);
    assert.equal(row.action, 'prospect.viewed');
  });

  it('the table itself refuses UPDATE, DELETE and TRUNCATE', async () => {
    await assert.rejects(api.dataSource.query(`UPDATE audit_events SET action = 'forged' WHERE id = $1`, [ids[0]]), /append-only/);
    await assert.rejects(api.dataSource.query(`DELETE FROM audit_events WHERE target_id = $1`, [targetId]), /append-only/);
    await assert.rejects(api.dataSource.query(`TRUNCATE audit_events`), /append-only/);
    assert.equal((await list('')).body.data.length, 5);
  });
});
