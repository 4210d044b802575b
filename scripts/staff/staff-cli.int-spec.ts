import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@relance/db/data-source';
import { hashStaffToken, STAFF_TOKEN_PATTERN } from '@relance/db/repositories/staff.repository';
import { verifyStaffPassword } from '@relance/staff/staff-password';
import { testEnv } from '../../tests/harness/env';

const STAFF_SCRIPT = join(__dirname, '..', 'staff.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The compiled command, as `npm run staff --` runs it after its build, with only DATABASE_URL set. */
async function staff(...args: string[]): Promise<Run> {
  return staffWithStdin(undefined, ...args);
}

/** The command with `input` piped to its stdin (for --password-stdin). */
function staffWithStdin(input: string | undefined, ...args: string[]): Promise<Run> {
  const env = { PATH: process.env.PATH ?? '', DATABASE_URL: testEnv().databaseUrl };
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [STAFF_SCRIPT, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error ? (error as { code: number }).code : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

function tokenIn(output: string): string {
  const token = /staff token \(shown once[^)]*\): (\S+)/.exec(output)?.[1];
  assert.ok(token && STAFF_TOKEN_PATTERN.test(token), `a staff token is printed:\n${output}`);
  return token;
}

describe('npm run staff', () => {
  let dataSource: DataSource;
  const email = `staff-${randomUUID()}@relance.test`;

  before(async () => {
    dataSource = await createDataSource(testEnv().databaseUrl, { poolSize: 1 }).initialize();
  });

  after(async () => {
    await dataSource?.destroy();
  });

  const member = async () => (await dataSource.query(`SELECT * FROM staff_users WHERE email = $1`, [email]))[0];
  const tokens = async (staffUserId: string) =>
    dataSource.query(`SELECT * FROM staff_tokens WHERE staff_user_id = $1 ORDER BY created_at`, [staffUserId]);
  const auditOf = async (targetId: string) =>
    dataSource.query(`SELECT actor_kind, actor_id, action, details FROM audit_events WHERE target_id = $1 ORDER BY occurred_at`, [targetId]);

  it('create stores the member, prints a token once and keeps only its hash', async () => {
    const run = await staff('create', '--email', email.toUpperCase(), '--name', 'Ada Support', '--role', 'support');
    assert.equal(run.code, 0, run.stderr);
    const token = tokenIn(run.stdout);
    const row = await member();
    assert.equal(row.email, email, 'the address is stored normalised');
    assert.equal(row.display_name, 'Ada Support');
    assert.equal(row.role, 'support');
    assert.equal(row.disabled_at, null);
    const [stored] = await tokens(row.id);
    assert.equal(stored.token_hash, hashStaffToken(token));
    assert.ok(!JSON.stringify(stored).includes(token), 'the token itself is not stored');
    assert.deepEqual(await auditOf(row.id), [
      { actor_kind: 'system', actor_id: null, action: 'staff_user.created', details: { via: 'cli', role: 'support' } },
    ]);
    assert.deepEqual((await auditOf(stored.id)).map((e: { action: string }) => e.action), ['staff_token.issued']);
  });

  it('refuses a second member with the same address, and changes nothing', async () => {
    const run = await staff('create', '--email', email, '--name', 'Someone Else', '--role', 'admin');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /already exists/);
    assert.equal((await member()).role, 'support');
  });

  it('refuses bad arguments with a message naming them, creating nothing', async () => {
    const other = `staff-${randomUUID()}@relance.test`;
    const badRole = await staff('create', '--email', other, '--name', 'X', '--role', 'root');
    assert.equal(badRole.code, 2);
    assert.match(badRole.stderr, /--role must be one of support, operator, admin, not "root"/);
    assert.match(badRole.stderr, /usage: npm run staff/);
    const badEmail = await staff('create', '--email', 'nobody', '--name', 'X', '--role', 'admin');
    assert.match(badEmail.stderr, /--email must be an email address/);
    const missing = await staff('create', '--email', other, '--role', 'admin');
    assert.match(missing.stderr, /--name is required/);
    const unknown = await staff('token', '--email', other);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /no staff member has --email/);
    assert.deepEqual(await dataSource.query(`SELECT id FROM staff_users WHERE email = $1`, [other]), []);
  });

  it('list shows members with their role and state', async () => {
    const run = await staff('list');
    assert.equal(run.code, 0, run.stderr);
    const line = run.stdout.split('\n').find((l) => l.includes(email));
    assert.ok(line, run.stdout);
    assert.match(line, /Ada Support\s+support\s+\S+\s+-$/);
  });

  it('token issues another token; disable revokes them all and refuses new ones', async () => {
    const { id } = await member();
    const run = await staff('token', '--email', email);
    assert.equal(run.code, 0, run.stderr);
    tokenIn(run.stdout);
    assert.equal((await tokens(id)).length, 2);

    const disabled = await staff('disable', '--email', email);
    assert.equal(disabled.code, 0, disabled.stderr);
    assert.ok((await member()).disabled_at instanceof Date);
    assert.ok((await tokens(id)).every((t: { revoked_at: Date | null }) => t.revoked_at instanceof Date));
    assert.deepEqual((await auditOf(id)).map((e: { action: string }) => e.action), ['staff_user.created', 'staff_user.disabled']);

    assert.match((await staff('token', '--email', email)).stderr, /is disabled: no token can be issued/);
    assert.match((await staff('disable', '--email', email)).stderr, /already disabled/);
  });

  describe('console passwords', () => {
    const admin = `admin-${randomUUID()}@relance.test`;
    const row = async (address: string) => (await dataSource.query(`SELECT * FROM staff_users WHERE email = $1`, [address]))[0];

    it('create-admin prints a one-time password, keeping only its argon2id hash', async () => {
      const run = await staff('create-admin', admin);
      assert.equal(run.code, 0, run.stderr);
      const password = /console password \(shown once[^)]*\): (\S+)/.exec(run.stdout)?.[1];
      assert.ok(password, run.stdout);
      const stored = await row(admin);
      assert.equal(stored.role, 'admin');
      assert.match(stored.password_hash, /^\$argon2id\$/);
      assert.equal(await verifyStaffPassword(stored.password_hash, password), true);
      assert.deepEqual((await auditOf(stored.id)).map((e: { action: string }) => e.action), ['staff_user.created', 'staff_user.password_set']);
      assert.match((await staff('create-admin', admin)).stderr, /already exists/);
    });

    it('create-admin --password-stdin takes the first line piped in, and refuses a short one', async () => {
      const other = `admin-${randomUUID()}@relance.test`;
      const short = await staffWithStdin('short\n', 'create-admin', other, '--password-stdin');
      assert.equal(short.code, 1);
      assert.match(short.stderr, /at least 12 characters/);
      assert.equal(await row(other), undefined, 'nothing created');
      const run = await staffWithStdin('a password from a vault\nignored\n', 'create-admin', other, '--password-stdin');
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stdout, /a password from a vault/);
      assert.equal(await verifyStaffPassword((await row(other)).password_hash, 'a password from a vault'), true);
    });

    it('unlock lifts a lockout, audited as the command line', async () => {
      await dataSource.query(`UPDATE staff_users SET failed_logins = 0, locked_until = now() + interval '1 hour' WHERE email = $1`, [admin]);
      const run = await staff('unlock', '--email', admin);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^unlocked staff member/);
      assert.equal((await row(admin)).locked_until, null);
      assert.match((await staff('unlock', '--email', admin)).stdout, /was not locked/);
      const events = await auditOf((await row(admin)).id);
      assert.deepEqual(events.at(-1), { actor_kind: 'system', actor_id: null, action: 'staff_user.unlocked', details: { via: 'cli' } });
    });
  });
});
