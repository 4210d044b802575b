import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { LogArchives } from '@relance/privacy/retention';
import { issueApiKey } from '../../apps/api/src/auth/bootstrap-account';
import { startSmtpCapture, type CapturedMessage, type SmtpCapture } from '../harness/smtp-capture';
import { ApiClient, eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';
import { newStaffMember } from '../support/staff-fixtures';

/**
 * Requests about the customers' own people (reps, the `user` subject) and about an address that
 * a rep and a prospect both hold, filed by support through the real stack (API, worker,
 * workflows on the dev server), Relance's own mail going to an SMTP capture.
 */
describe('privacy requests about reps (users)', () => {
  let stack: RelanceStack;
  let systemMail: SmtpCapture;
  let staffApi: ApiClient;
  /** While set, the mail carrying a confirmation link waits for it before being acknowledged. */
  let holdConfirmation: (() => Promise<void>) | undefined;

  before(async () => {
    systemMail = await startSmtpCapture({
      onAccept: async (raw) => {
        if (raw.toString('utf8').includes('/v1/privacy-requests/verify/')) await holdConfirmation?.();
      },
    });
    stack = await startRelanceStack({ env: { SYSTEM_MAIL_SMTP_URL: `smtp://${systemMail.host}:${systemMail.port}` } });
    staffApi = new ApiClient(stack.apiUrl, (await newStaffMember(stack.dataSource, 'support')).token);
  });

  after(async () => {
    await stack?.stop();
    await systemMail?.stop();
  });

  const requestRow = async (id: string) => (await stack.dataSource.query(`SELECT * FROM privacy_requests WHERE id = $1`, [id]))[0];
  const completed = (id: string) =>
    eventually(`request ${id} completed`, async () => ((await requestRow(id))?.status === 'completed' ? requestRow(id) : undefined), 20_000);
  const certificateOf = async (jws: string) => (await new ApiClient(stack.apiUrl).post('/v1/privacy-requests/certificates/verify', { certificate: jws })).body;
  const mailTo = (address: string, subject: RegExp) =>
    systemMail.waitFor((m: CapturedMessage) => m.to.includes(address) && subject.test(m.subject ?? ''), 20_000);

  /** A member rep of a new account, with their own API key, a call made with it, and a mailbox they connected. */
  async function accountWithMember(label: string, email: string) {
    const { accountId, api: ownerApi } = await stack.newAccount(label);
    const [member] = await stack.dataSource.query(
      `INSERT INTO users (account_id, email, name, role) VALUES ($1, $2, 'Margaret Hamilton', 'member') RETURNING id`, [accountId, email],
    );
    const key = await issueApiKey(stack.dataSource, { accountId, userId: member.id, name: 'margaret laptop' });
    const memberApi = new ApiClient(stack.apiUrl, key.apiKey);
    const mailboxId = await stack.connectMailbox(memberApi, 2);
    assert.equal((await memberApi.get('/v1/prospects')).status, 200);
    // Both of the member's calls (the mailbox, the list) flushed from the log's buffer: one still
    // buffered could otherwise be written after a test's erasure.
    await eventually('the member\'s calls in the request log', async () => {
      const [row] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM request_logs WHERE user_id = $1`, [member.id]);
      return row.n >= 2 ? true : undefined;
    }, 10_000);
    return { accountId, ownerApi, memberApi, userId: member.id as string, apiKeyId: key.apiKeyId, mailboxId };
  }

  it('access: staff verify by hand, the rep gets an export of their rows, key hashes left out', async () => {
    const email = 'margaret.access@users.test';
    const rep = await accountWithMember('Access rep', email);
    const filed = await staffApi.post('/v1/staff/privacy-requests', {
      type: 'access', subject: 'user', accountId: rep.accountId, userId: rep.userId, verificationReason: 'Wrote from her work address; owner confirmed',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.userId, rep.userId);
    assert.equal(filed.body.status, 'verified');
    const done = await mailTo(email, /complete/);
    const token = /exports\/([A-Za-z0-9_.~-]+)/.exec(done.text ?? '')![1];
    const exported = (await new ApiClient(stack.apiUrl).get(`/v1/privacy-requests/exports/${token}`)).body;
    assert.deepEqual(exported.prospects, []);
    assert.equal(exported.users.length, 1);
    const tables = exported.users[0].tables;
    assert.equal(tables.users[0].email, email);
    assert.equal(tables.api_keys.length, 1);
    assert.equal('key_hash' in tables.api_keys[0], false, 'no credential in an export');
    assert.ok(tables.request_logs.length >= 1);
    await completed(filed.body.id);
  });

  it('erasure: the rep\'s row, keys and request logs (archived ones too) go; their mailbox stays the account\'s; certified', async () => {
    const email = 'margaret.erase@users.test';
    const rep = await accountWithMember('Erasure rep', email);
    // A month-old call of theirs already archived, beside the owner's.
    const archives = new LogArchives(stack.config.retention.archiveDir);
    const [owner] = await stack.dataSource.query(`SELECT id FROM users WHERE account_id = $1 AND role = 'owner'`, [rep.accountId]);
    const archived = (userId: string) => ({
      id: randomUUID(), occurredAt: new Date(Date.now() - 40 * 86_400_000), method: 'GET', route: '/v1/prospects', status: 200, durationMs: 2,
      accountId: rep.accountId, userId, apiKeyId: null, staffUserId: null, ip: '203.0.113.0', country: 'FR', browser: 'Firefox',
    });
    const [file] = await archives.write([archived(rep.userId), archived(owner.id)]);
    const filed = await staffApi.post('/v1/staff/privacy-requests', {
      type: 'erasure', subject: 'user', accountId: rep.accountId, userId: rep.userId, verificationReason: 'Identity checked on a call',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const row = await completed(filed.body.id);
    const certificate = await certificateOf(row.certificate);
    assert.equal(certificate.valid, true);
    assert.equal(certificate.body.found, true);
    assert.equal(certificate.body.counts.users, 1);
    assert.equal(certificate.body.counts.api_keys, 1);
    assert.ok(certificate.body.counts.request_logs >= 1);
    assert.equal(certificate.body.counts.request_log_archive_lines, 1);
    const lines = gunzipSync(await readFile(file.path)).toString('utf8').trim().split('\n').map((line) => JSON.parse(line).userId);
    assert.deepEqual(lines, [owner.id], 'the archive keeps the owner\'s line, not the erased rep\'s');
    assert.equal(JSON.stringify(certificate.body).includes(email), false, 'no address in the certificate');

    const [left] = await stack.dataSource.query(
      `SELECT (SELECT count(*) FROM users WHERE id = $1)::int AS users, (SELECT count(*) FROM api_keys WHERE id = $2)::int AS keys,
              (SELECT count(*) FROM request_logs WHERE user_id = $1)::int AS logs`, [rep.userId, rep.apiKeyId]);
    assert.deepEqual(left, { users: 0, keys: 0, logs: 0 });
    assert.equal((await rep.memberApi.get('/v1/prospects')).status, 401, 'the erased rep\'s key opens nothing');
    const [mailbox] = await stack.dataSource.query(`SELECT user_id FROM mailboxes WHERE id = $1`, [rep.mailboxId]);
    assert.deepEqual(mailbox, { user_id: null }, 'the mailbox stays with the account, detached');
    assert.equal((await rep.ownerApi.get(`/v1/mailboxes/${rep.mailboxId}`)).status, 200);
    const [ledger] = await stack.dataSource.query(`SELECT email_hash, row_ids FROM erasure_ledger WHERE request_id = $1`, [filed.body.id]);
    assert.equal(ledger.email_hash, null, 'a rep is not put on the suppression list');
    assert.deepEqual(ledger.row_ids.users, [rep.userId]);
    const audit = await stack.dataSource.query(`SELECT action FROM audit_events WHERE target_id = $1`, [rep.userId]);
    assert.deepEqual(audit.map((a: { action: string }) => a.action), ['user.erased']);
    await mailTo(email, /complete/);
  });

  it('an address both a rep and a prospect hold: one request by address erases both', async () => {
    const email = 'margaret.both@users.test';
    const rep = await accountWithMember('Both rep', email);
    const prospect = await rep.ownerApi.post('/v1/prospects', { email });
    assert.equal(prospect.status, 201);
    const filed = await staffApi.post('/v1/staff/privacy-requests', {
      type: 'erasure', subject: 'email', email, verificationReason: 'Asked by phone, address confirmed',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const certificate = await certificateOf((await completed(filed.body.id)).certificate);
    assert.equal(certificate.body.counts.users, 1);
    assert.equal(certificate.body.counts.prospects, 1);
    assert.equal((await rep.ownerApi.get(`/v1/prospects/${prospect.body.id}`)).status, 404);
  });

  it('an address held by an account\'s only owner: the request completes, its certificate saying the owner was not erased and why', async () => {
    const { accountId } = await stack.newAccount('Owner by address');
    const [owner] = await stack.dataSource.query(`SELECT id, email FROM users WHERE account_id = $1 AND role = 'owner'`, [accountId]);
    const filed = await staffApi.post('/v1/staff/privacy-requests', {
      type: 'erasure', subject: 'email', email: owner.email, accountId, verificationReason: 'Asked from the owner address',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const certificate = await certificateOf((await completed(filed.body.id)).certificate);
    assert.equal(certificate.body.found, true);
    assert.ok(certificate.body.actions.some((action: string) => action.includes(`${owner.id} not erased`) && action.includes('closing the account')),
      JSON.stringify(certificate.body.actions));
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE id = $1`, [owner.id]);
    assert.equal(n, 1, 'the account keeps its owner');
  });

  it('without a verification reason, the rep is mailed the confirmation link first', async () => {
    const email = 'margaret.link@users.test';
    const rep = await accountWithMember('Link rep', email);
    const filed = await staffApi.post('/v1/staff/privacy-requests', { type: 'access', subject: 'user', accountId: rep.accountId, userId: rep.userId });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    assert.equal(filed.body.status, 'awaiting_verification');
    const confirm = await mailTo(email, /Confirm/);
    const token = /verify\/([A-Za-z0-9_.~-]+)/.exec(confirm.text ?? '')![1];
    assert.equal((await new ApiClient(stack.apiUrl).post(`/v1/privacy-requests/verify/${token}`)).status, 200);
    await completed(filed.body.id);
  });

  it('staff verify while the confirmation link is still being mailed: the signal is not lost, the request runs at once', async () => {
    const email = 'margaret.early@users.test';
    const rep = await accountWithMember('Early verification', email);
    let entered!: () => void;
    const mailing = new Promise<void>((resolve) => { entered = resolve; });
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    holdConfirmation = () => { entered(); return released; };
    try {
      const filed = await staffApi.post('/v1/staff/privacy-requests', { type: 'access', subject: 'user', accountId: rep.accountId, userId: rep.userId });
      assert.equal(filed.status, 201, JSON.stringify(filed.body));
      await mailing; // the workflow's link-mailing activity is talking to the SMTP server now
      const verified = await staffApi.post(`/v1/staff/privacy-requests/${filed.body.id}/verify`, { reason: 'She called while the link was on its way' });
      assert.equal(verified.status, 200, JSON.stringify(verified.body));
      release();
      // The verification window is 14 days here: only the kept signal can end this within seconds.
      await completed(filed.body.id);
    } finally {
      holdConfirmation = undefined;
      release();
    }
  });

  it('refuses what cannot be done, saying why: the only owner, a rep\'s rectification, missing or unknown ids, the wrong caller', async () => {
    const { accountId, api } = await stack.newAccount('Lonely owner');
    const [owner] = await stack.dataSource.query(`SELECT id FROM users WHERE account_id = $1 AND role = 'owner'`, [accountId]);
    const onlyOwner = await staffApi.post('/v1/staff/privacy-requests', { type: 'erasure', subject: 'user', accountId, userId: owner.id, verificationReason: 'x' });
    assert.equal(onlyOwner.status, 409);
    assert.match(onlyOwner.body.error.message, /only owner.*close the account/);
    const rectify = await staffApi.post('/v1/staff/privacy-requests', { type: 'rectification', subject: 'user', accountId, userId: owner.id });
    assert.equal(rectify.status, 400);
    assert.match(JSON.stringify(rectify.body), /type/);
    const noUser = await staffApi.post('/v1/staff/privacy-requests', { type: 'access', subject: 'user', accountId });
    assert.equal(noUser.status, 400);
    assert.match(JSON.stringify(noUser.body), /userId/);
    const noEmail = await staffApi.post('/v1/staff/privacy-requests', { type: 'access', subject: 'email', email: 'not an address' });
    assert.equal(noEmail.status, 400);
    assert.match(JSON.stringify(noEmail.body), /email/);
    const unknown = await staffApi.post('/v1/staff/privacy-requests', {
      type: 'access', subject: 'user', accountId, userId: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(unknown.status, 404);
    assert.equal((await api.post('/v1/staff/privacy-requests', { type: 'access', subject: 'user', accountId, userId: owner.id })).status, 401,
      'a customer\'s key is not a staff token');
    const operator = new ApiClient(stack.apiUrl, (await newStaffMember(stack.dataSource, 'operator')).token);
    assert.equal((await operator.post('/v1/staff/privacy-requests', { type: 'access', subject: 'user', accountId, userId: owner.id })).status, 403);
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM privacy_requests WHERE user_id = $1`, [owner.id]);
    assert.equal(n, 0, 'nothing was filed');
  });
});
