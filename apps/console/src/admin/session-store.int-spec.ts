import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@relance/db/data-source';
import { ConsoleSessionRepository } from '@relance/db/repositories/console-session.repository';
import { StaffRepository } from '@relance/db/repositories/staff.repository';
import { testEnv } from '../../../../tests/harness/env';
import { newConsoleMember } from '../../../../tests/support/staff-fixtures';
import { ConsoleSessionStore, type StoredSession } from './session-store';

const TTL_MS = 60_000;

describe('console session store', () => {
  let dataSource: DataSource;
  let store: ConsoleSessionStore;
  let sessions: ConsoleSessionRepository;

  before(async () => {
    dataSource = await createDataSource(testEnv().databaseUrl, { poolSize: 2 }).initialize();
    sessions = new ConsoleSessionRepository(dataSource);
    store = new ConsoleSessionStore(sessions, TTL_MS);
  });

  after(async () => {
    await dataSource?.destroy();
  });

  const call = <T>(run: (callback: (error: unknown, value?: T) => void) => void) =>
    new Promise<T | undefined>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
  const sid = () => randomBytes(24).toString('base64url');
  const cookie = (expires: Date) => ({ expires, originalMaxAge: TTL_MS, httpOnly: true, path: '/', sameSite: 'lax' });

  it('keeps a signed-in session\'s member id and cookie, and nothing else', async () => {
    const member = await newConsoleMember(dataSource, 'support', 'password for the store test');
    const id = sid();
    const expires = new Date(Date.now() + TTL_MS);
    await call((done) => store.set(id, { cookie: cookie(expires), staffUserId: member.user.id, adminUser: { email: member.email } } as StoredSession, done));
    const read = await call<StoredSession | null>((done) => store.get(id, done));
    assert.equal(read?.staffUserId, member.user.id);
    assert.equal(new Date(read!.cookie.expires as string).getTime(), expires.getTime());
    assert.ok(!JSON.stringify(await dataSource.query(`SELECT * FROM console_sessions WHERE sid = $1`, [id])).includes(member.email));
  });

  it('stores no session that has no member, and forgets a destroyed one', async () => {
    const member = await newConsoleMember(dataSource, 'support', 'password for the store test');
    const anonymous = sid();
    await call((done) => store.set(anonymous, { cookie: cookie(new Date(Date.now() + TTL_MS)) }, done));
    assert.equal(await call((done) => store.get(anonymous, done)), null);
    const id = sid();
    await call((done) => store.set(id, { cookie: cookie(new Date(Date.now() + TTL_MS)), staffUserId: member.user.id }, done));
    await call((done) => store.destroy(id, done));
    assert.equal(await call((done) => store.get(id, done)), null);
  });

  it('reads an expired session as none, a touched one as live, and sweeps expired ones at the next sign-in', async () => {
    const member = await newConsoleMember(dataSource, 'support', 'password for the store test');
    const expired = sid();
    await sessions.save({ sid: expired, staffUserId: member.user.id, cookie: {}, expiresAt: new Date(Date.now() - 1_000) });
    assert.equal(await call((done) => store.get(expired, done)), null);
    const touched = sid();
    await sessions.save({ sid: touched, staffUserId: member.user.id, cookie: {}, expiresAt: new Date(Date.now() - 1_000) });
    await call((done) => store.touch(touched, { cookie: cookie(new Date(Date.now() + TTL_MS)) }, done));
    assert.ok(await call((done) => store.get(touched, done)));
    await call((done) => store.set(sid(), { cookie: cookie(new Date(Date.now() + TTL_MS)), staffUserId: member.user.id }, done));
    assert.deepEqual(await dataSource.query(`SELECT sid FROM console_sessions WHERE sid = $1`, [expired]), []);
  });

  it('goes with its member when the member row goes', async () => {
    const member = await newConsoleMember(dataSource, 'support', 'password for the store test');
    const id = sid();
    await call((done) => store.set(id, { cookie: cookie(new Date(Date.now() + TTL_MS)), staffUserId: member.user.id }, done));
    assert.ok(await new StaffRepository(dataSource).findById(member.user.id));
    await dataSource.query(`DELETE FROM staff_users WHERE id = $1`, [member.user.id]);
    assert.equal(await call((done) => store.get(id, done)), null);
  });
});
