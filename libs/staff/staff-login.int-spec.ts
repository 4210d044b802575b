import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@relance/db/data-source';
import { AuditRepository } from '@relance/db/repositories/audit.repository';
import { StaffRepository } from '@relance/db/repositories/staff.repository';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { testEnv } from '../../tests/harness/env';
import { StaffLogin } from './staff-login';
import { hashStaffPassword } from './staff-password';

const PASSWORD = 'correct horse battery staple';
const LOCKOUT_MS = 60_000;

describe('staff password sign-in', () => {
  let dataSource: DataSource;
  let staff: StaffRepository;
  let login: StaffLogin;

  before(async () => {
    dataSource = await createDataSource(testEnv().databaseUrl, { poolSize: 2 }).initialize();
    staff = new StaffRepository(dataSource);
    login = new StaffLogin(staff, new AuditTrail(new AuditRepository(dataSource)), { maxFailedLogins: 5, lockoutMs: LOCKOUT_MS });
  });

  after(async () => {
    await dataSource?.destroy();
  });

  async function member(password: string | null = PASSWORD) {
    const email = `staff-${randomUUID()}@relance.test`;
    const user = (await staff.create({ email, displayName: 'Test Support', role: 'support' }))!;
    if (password) await staff.setPassword(user.id, await hashStaffPassword(password));
    return { email, id: user.id };
  }

  const trail = async (id: string): Promise<{ actor_kind: string; actor_id: string | null; action: string; details: Record<string, unknown> }[]> =>
    dataSource.query(`SELECT actor_kind, actor_id, action, details FROM audit_events WHERE target_id = $1 ORDER BY occurred_at, id`, [id]);

  it('accepts the right password, whatever the case of the address, and audits the success by id', async () => {
    const { email, id } = await member();
    const result = await login.login(email.toUpperCase(), PASSWORD);
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.user.id, id);
    const [event] = await trail(id);
    assert.deepEqual(event, { actor_kind: 'staff', actor_id: id, action: 'staff_login.succeeded', details: { via: 'console' } });
  });

  it('refuses an unknown address, a member without password and a disabled one alike, auditing no address', async () => {
    const unknown = `nobody-${randomUUID()}@relance.test`;
    assert.deepEqual(await login.login(unknown, PASSWORD), { ok: false, reason: 'invalid' });
    const noPassword = await member(null);
    assert.deepEqual(await login.login(noPassword.email, PASSWORD), { ok: false, reason: 'invalid' });
    const disabled = await member();
    await staff.disable(disabled.id);
    assert.deepEqual(await login.login(disabled.email, PASSWORD), { ok: false, reason: 'invalid' });
    assert.deepEqual((await trail(disabled.id)).map((e) => e.details.why), ['disabled']);
    assert.deepEqual((await trail(noPassword.id)).map((e) => e.details.why), ['no_password']);
    const rows = await dataSource.query(`SELECT * FROM audit_events WHERE action = 'staff_login.failed' AND target_id = 'unknown'`);
    assert.ok(rows.length >= 1);
    assert.ok(!JSON.stringify(rows).includes(unknown), 'the address typed is not in the trail');
  });

  it('locks the member out at the fifth wrong password; then even the right one is refused', async () => {
    const { email, id } = await member();
    for (let attempt = 1; attempt <= 4; attempt++) {
      assert.deepEqual(await login.login(email, `wrong ${attempt}`), { ok: false, reason: 'invalid' }, `attempt ${attempt}`);
    }
    const fifth = await login.login(email, 'wrong 5');
    assert.equal(fifth.ok === false && fifth.reason, 'locked');
    const until = fifth.ok === false && fifth.reason === 'locked' ? fifth.until.getTime() : 0;
    assert.ok(Math.abs(until - (Date.now() + LOCKOUT_MS)) < 5_000, 'locked for STAFF_LOCKOUT');
    const right = await login.login(email, PASSWORD);
    assert.equal(right.ok === false && right.reason, 'locked');
    const actions = (await trail(id)).map((e) => e.action);
    assert.deepEqual(actions, [
      ...Array(5).fill('staff_login.failed'), 'staff_user.locked_out', 'staff_login.refused_locked',
    ]);
  });

  it('lets the member in again once the lockout has passed, with a fresh count', async () => {
    const { email } = await member();
    for (let attempt = 1; attempt <= 5; attempt++) await login.login(email, 'wrong');
    const later = new Date(Date.now() + LOCKOUT_MS + 1_000);
    assert.equal((await login.login(email, PASSWORD, later)).ok, true);
    assert.deepEqual(await login.login(email, 'wrong again'), { ok: false, reason: 'invalid' }, 'the count started again');
  });

  it('an admin unlock lifts the lockout at once, audited with who did it', async () => {
    const { email, id } = await member();
    const admin = await member();
    for (let attempt = 1; attempt <= 5; attempt++) await login.login(email, 'wrong');
    assert.equal(await login.unlock(id, { kind: 'staff', id: admin.id }, 'console'), true);
    assert.equal(await login.unlock(id, { kind: 'staff', id: admin.id }, 'console'), false, 'nothing left to unlock');
    assert.equal((await login.login(email, PASSWORD)).ok, true);
    const unlocked = (await trail(id)).find((e) => e.action === 'staff_user.unlocked');
    assert.deepEqual(unlocked, { actor_kind: 'staff', actor_id: admin.id, action: 'staff_user.unlocked', details: { via: 'console' } });
  });

  it('counts concurrent wrong passwords exactly: five at once lock once', async () => {
    const { email, id } = await member();
    const results = await Promise.all(Array.from({ length: 5 }, () => login.login(email, 'wrong')));
    assert.equal(results.filter((r) => r.ok === false && r.reason === 'locked').length, 1);
    assert.equal((await trail(id)).filter((e) => e.action === 'staff_user.locked_out').length, 1);
  });
});
