import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import yauzl from 'yauzl';
import { TokenSigner } from '@relance/crypto/signed-token';
import { verifyClosureCertificate } from '@relance/privacy/accounts/closure-certificate';
import { LogArchives } from '@relance/privacy/retention';
import { accountClosureWorkflowId } from '@relance/temporal/contracts';
import { issueApiKey } from '../../apps/api/src/auth/bootstrap-account';
import { ApiClient, eventually } from '../support/api-client';
import { rowsNaming } from '../support/account-rows';
import { launchSequence } from '../support/launched-sequence';
import { startRelanceStack, type RelanceStack } from '../support/relance-stack';
import { newStaffMember } from '../support/staff-fixtures';

const GRACE_MS = 6_000;
const STEPS = [
  { type: 'email', subject: 'Hello {{ firstName }}', body: 'Hi {{ firstName }}.' },
  { type: 'wait', amount: 2, unit: 'seconds' },
  { type: 'email', body: 'Following up.' },
];

/** Every entry of a ZIP, by name, as text. */
async function unzip(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))));
  const entries: Record<string, string> = {};
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, async (error, stream) => {
        if (error) return reject(error);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        entries[entry.fileName] = Buffer.concat(chunks).toString('utf8');
        zip.readEntry();
      });
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** Account export and closure on the real stack: API, worker, Temporal dev server, both databases. */
describe('account export and closure (end to end)', () => {
  let stack: RelanceStack;
  let exportDir: string;

  before(async () => {
    exportDir = await mkdtemp(join(tmpdir(), 'i12x-exports-'));
    stack = await startRelanceStack({ env: { ACCOUNT_CLOSURE_GRACE: `${GRACE_MS}ms`, ACCOUNT_EXPORT_DIR: exportDir } });
  });

  after(async () => {
    await stack?.stop();
    await rm(exportDir, { recursive: true, force: true });
  });

  async function readyExport(api: ApiClient): Promise<{ id: string; url: string; body: any }> {
    const created = await api.post('/v1/account/exports');
    assert.equal(created.status, 202, JSON.stringify(created.body));
    assert.ok(['pending', 'ready'].includes(created.body.status), created.body.status); // a small account may be written already
    const ready = await eventually('the export ready', async () => {
      const res = await api.get(`/v1/account/exports/${created.body.id}`);
      assert.notEqual(res.body.status, 'failed', JSON.stringify(res.body));
      return res.body.status === 'ready' ? res.body : undefined;
    }, 60_000);
    // The link names API_PUBLIC_URL; this stack listens on a port of its own.
    const link = new URL(ready.download.url);
    assert.equal(link.pathname, `/v1/account/exports/${created.body.id}/download`);
    assert.ok(new Date(ready.download.expiresAt).getTime() > Date.now());
    return { id: created.body.id, url: new URL(link.pathname + link.search, stack.apiUrl).toString(), body: ready };
  }

  it('exports every entity of the account as JSON and CSV, formulas neutralised, no other account\'s rows', async () => {
    const { api } = await stack.newAccount('Exporter');
    const other = await stack.newAccount('Bystander');
    assert.equal((await other.api.post('/v1/prospects', { email: 'someone.else@bystander.test', firstName: 'Bystander' })).status, 201);
    const formula = await api.post('/v1/prospects', {
      email: 'formula@exporter.test', firstName: '=HYPERLINK("http://evil.test","x")', company: '+cmd|calc', lastName: '@SUM(A1)',
    });
    assert.equal(formula.status, 201, JSON.stringify(formula.body));
    assert.equal((await api.post('/v1/prospects', { email: 'plain@exporter.test', firstName: 'Plain' })).status, 201);
    assert.equal((await api.post('/v1/suppressions', { email: 'blocked@exporter.test' })).status, 201);

    const exported = await readyExport(api);
    assert.equal(exported.body.rowCounts.prospects, 2);
    const download = await fetch(exported.url);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-type'), 'application/zip');
    const files = await unzip(Buffer.from(await download.arrayBuffer()));

    const entities = [
      'prospects', 'campaigns', 'steps', 'messages', 'inbound_messages', 'tracking_events', 'users', 'invitations', 'suppressions', 'enrichment_results',
    ];
    assert.deepEqual(Object.keys(files).sort(), entities.flatMap((e) => [`${e}.csv`, `${e}.json`]).sort());
    const prospects = JSON.parse(files['prospects.json']);
    assert.deepEqual(prospects.map((p: any) => p.email).sort(), ['formula@exporter.test', 'plain@exporter.test']);
    assert.equal(prospects.find((p: any) => p.email === 'formula@exporter.test').first_name, '=HYPERLINK("http://evil.test","x")',
      'JSON keeps the value as it is');
    const csv = files['prospects.csv'];
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.test"",""x"")"`), csv);
    assert.ok(csv.includes(`'+cmd|calc`) && csv.includes(`'@SUM(A1)`), csv);
    assert.ok(!/(^|,)[=+@-]/m.test(csv.replaceAll(/"[^"]*"/g, '"')), 'no cell starts with a formula character');
    const everything = Object.values(files).join('\n');
    assert.ok(!everything.includes('someone.else@bystander.test') && !everything.includes('Bystander'), 'no other account\'s rows');
    assert.ok(!everything.includes('blocked@exporter.test'), 'suppressions go out as keyed hashes');
    assert.equal(JSON.parse(files['suppressions.json']).length, 1);
    assert.equal(JSON.parse(files['users.json']).length, 1);
  });

  it('refuses an expired link with 410, a forged or another export\'s link with 401, and hides another account\'s export', async () => {
    const { api } = await stack.newAccount('Linker');
    const exported = await readyExport(api);
    const ttl = stack.config.accounts.exportLinkTtlMs;
    const pastSigner = new TokenSigner(stack.config.tokens.signingKeys, () => Date.now() - 2 * ttl);
    const expired = await fetch(`${stack.apiUrl}/v1/account/exports/${exported.id}/download?token=${await pastSigner.sign('account_export', exported.id, ttl)}`);
    assert.equal(expired.status, 410);
    const problem = ((await expired.json()) as { error: { code: string; message: string } }).error;
    assert.equal(problem.code, 'gone');
    assert.match(problem.message, /expired/);
    const forged = new URL(exported.url);
    forged.searchParams.set('token', `${forged.searchParams.get('token')!.slice(0, -2)}AA`);
    assert.equal((await fetch(forged)).status, 401);
    const second = await readyExport(api);
    const swapped = new URL(exported.url.replace(exported.id, second.id));
    assert.equal((await fetch(swapped)).status, 401, 'a link opens only its own export');
    assert.equal((await fetch(`${stack.apiUrl}/v1/account/exports/${exported.id}/download`)).status, 401, 'no token');
    const stranger = await stack.newAccount('Stranger');
    assert.equal((await stranger.api.get(`/v1/account/exports/${exported.id}`)).status, 404);
    // Written longer ago than a link lives: no new link, whatever retention has done with the file yet.
    await stack.dataSource.query(`UPDATE account_exports SET completed_at = now() - $2::interval WHERE id = $1`, [exported.id, `${ttl + 60_000} milliseconds`]);
    const past = (await api.get(`/v1/account/exports/${exported.id}`)).body;
    assert.equal(past.status, 'expired');
    assert.equal(past.download, null);
  });

  it('lets only the owner close or reactivate the account: a member\'s key or a key of no rep is 403, nothing changes', async () => {
    const { accountId, api } = await stack.newAccount('Guarded');
    const [member] = await stack.dataSource.query(
      `INSERT INTO users (account_id, email, name, role) VALUES ($1, 'member@guarded.test', 'Member', 'member') RETURNING id`, [accountId],
    );
    const memberKey = await issueApiKey(stack.dataSource, { accountId, userId: member.id, name: 'member' });
    const robotKey = await issueApiKey(stack.dataSource, { accountId, userId: null, name: 'robot' });
    for (const key of [memberKey.apiKey, robotKey.apiKey]) {
      const refused = await new ApiClient(stack.apiUrl, key).post('/v1/account/closure');
      assert.equal(refused.status, 403, JSON.stringify(refused.body));
      assert.match(refused.body.error.message, /owner/);
    }
    const [account] = await stack.dataSource.query(`SELECT closing_since FROM accounts WHERE id = $1`, [accountId]);
    assert.equal(account.closing_since, null);
    assert.equal((await api.get('/v1/account/closure')).status, 404, 'no closure was recorded');
    assert.equal((await api.post('/v1/account/closure/cancel')).status, 409, 'nothing to cancel');
  });

  it('stops sending at once; a reactivation at the last moment keeps everything and sending carries on', async () => {
    const { accountId, api } = await stack.newAccount('Hesitant');
    const launched = await launchSequence(stack, api, { rep: 1, emails: ['kept@hesitant.test'], steps: STEPS });
    await stack.smtp.waitFor((m) => m.envelope.to.includes('kept@hesitant.test'));
    const sentTo = () => stack.smtp.messages.filter((m) => m.envelope.to.includes('kept@hesitant.test')).length;
    const ids = [accountId, launched.campaignId, launched.mailboxId, launched.enrollmentIds['kept@hesitant.test']];
    const before = await rowsNaming(stack.dataSource, ids);

    const closing = await api.post('/v1/account/closure');
    assert.equal(closing.status, 202, JSON.stringify(closing.body));
    assert.equal(closing.body.status, 'pending');
    const [campaign] = await stack.dataSource.query(`SELECT status, pause_reason FROM campaigns WHERE id = $1`, [launched.campaignId]);
    assert.deepEqual(campaign, { status: 'paused', pause_reason: 'account_closing' });
    // The wait step ends 2 s after the first email: the second one is refused by the claim.
    await eventually('the second email held', async () => {
      const [row] = await stack.dataSource.query(`SELECT waiting_reason FROM enrollments WHERE id = $1`, [ids[3]]);
      return row.waiting_reason === 'campaign_paused' ? row : undefined;
    }, GRACE_MS);
    assert.equal(sentTo(), 1, 'nothing left after the closure');
    assert.equal((await api.post('/v1/account/closure')).status, 409, 'closing twice is refused');

    // The moment under test is a time, not a state: one second before the purge is due.
    const lastMoment = new Date(closing.body.purgeAfter).getTime() - 1_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastMoment - Date.now())));
    const cancelled = await api.post('/v1/account/closure/cancel');
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.status, 'cancelled');
    const result = await stack.temporal.client.workflow.getHandle(accountClosureWorkflowId(accountId)).result();
    assert.deepEqual(result, { outcome: 'cancelled' });
    const kept = await rowsNaming(stack.dataSource, ids);
    // Nothing removed; the held follow-up may have its outbox row by now, so messages can only grow.
    for (const table of ['accounts', 'users', 'api_keys', 'mailboxes', 'campaigns', 'steps', 'prospects', 'enrollments']) {
      assert.equal(kept[table], before[table], `${table} kept`);
    }
    assert.ok(kept.messages >= before.messages, `messages kept: ${kept.messages} of ${before.messages}`);
    await stack.smtp.waitFor((m) => m.envelope.to.includes('kept@hesitant.test') && m.text?.includes('Following up') === true, 20_000);
    assert.equal((await api.post('/v1/account/closure/cancel')).status, 409, 'nothing left to cancel');
    await launched.stopSync();
  });

  it('purges every row of the account in both databases and its files, keeps the audit, and certifies it', async () => {
    const { accountId, api } = await stack.newAccount('Leaving');
    const launched = await launchSequence(stack, api, { rep: 2, emails: ['gone@leaving.test', 'also.gone@leaving.test'], steps: STEPS });
    await stack.smtp.waitFor((m) => m.envelope.to.includes('gone@leaving.test'));
    await readyExport(api);
    assert.ok(existsSync(join(exportDir, accountId)));
    const [{ count: secrets }] = await stack.vaultDataSource.query(
      `SELECT count(*)::int AS count FROM mailbox_secrets WHERE mailbox_id = $1`, [launched.mailboxId]);
    assert.equal(secrets, 1, 'the vault holds the mailbox\'s credentials');
    const prospectIds = (await stack.dataSource.query(`SELECT id FROM prospects WHERE account_id = $1`, [accountId])).map((r: any) => r.id);
    const ids = [accountId, launched.campaignId, launched.mailboxId, ...prospectIds, ...Object.values(launched.enrollmentIds)];
    assert.equal((await api.request('PUT', '/v1/enrichment-providers/hunter', { apiKey: 'hunter-key-of-leaving' })).status, 200);
    const [{ id: jobId }] = await stack.dataSource.query(
      `INSERT INTO enrichment_jobs (account_id, kind, provider, prospect_ids, total) VALUES ($1, 'verify', 'builtin', $2, 1) RETURNING id`,
      [accountId, [prospectIds[0]]]);
    await stack.dataSource.query(
      `INSERT INTO enrichment_results (account_id, job_id, position, prospect_id, kind, provider, outcome, verdict)
       VALUES ($1, $2, 0, $3, 'verify', 'builtin', 'done', 'valid')`, [accountId, jobId, prospectIds[0]]);
    const bystander = await stack.newAccount('Staying');
    assert.equal((await bystander.api.post('/v1/prospects', { email: 'stays@staying.test' })).status, 201);
    const archived = (accountIdOfRow: string) => ({
      id: randomUUID(), occurredAt: new Date(Date.now() - 40 * 86_400_000), method: 'GET', route: '/v1/campaigns', status: 200, durationMs: 2,
      accountId: accountIdOfRow, userId: null, apiKeyId: null, staffUserId: null, ip: '203.0.113.0', country: 'FR', browser: 'curl',
    });
    const [archive] = await new LogArchives(stack.config.retention.archiveDir).write([archived(accountId), archived(bystander.accountId)]);
    const [{ id: conversationId }] = await stack.dataSource.query(
      `INSERT INTO support_conversations (account_id, subject) VALUES ($1, 'Closing') RETURNING id`, [accountId]);
    await stack.dataSource.query(`INSERT INTO support_messages (conversation_id, body) VALUES ($1, 'Please close my account')`, [conversationId]);
    // A pending invitation and the sign-up that made the account: both name people, both go.
    await stack.dataSource.query(
      `INSERT INTO invitations (account_id, email, role, token_hash, expires_at) VALUES ($1, 'invitee@leaving.test', 'member', $2, now() + interval '1 day')`,
      [accountId, randomUUID()]);
    await stack.dataSource.query(
      `INSERT INTO signup_requests (email, email_hash, name, account_name, token_hash, expires_at, verified_at, account_id)
       VALUES ('owner@leaving.test', $2, 'Owner', 'Leaving', $3, now(), now(), $1)`, [accountId, randomUUID(), randomUUID()]);

    assert.equal((await api.post('/v1/account/closure')).status, 202);
    const result: any = await stack.temporal.client.workflow.getHandle(accountClosureWorkflowId(accountId)).result();
    assert.equal(result.outcome, 'purged');

    assert.deepEqual(await rowsNaming(stack.dataSource, ids, ['audit_events', 'account_closures']), { accounts: 1, support_conversations: 1 });
    // What stays until retention deletes both, 90 days on: the support conversation, on a row naming nothing.
    const [tombstone] = await stack.dataSource.query(`SELECT name, tracking_domain, deleted_at FROM accounts WHERE id = $1`, [accountId]);
    assert.equal(tombstone.name, '');
    assert.equal(tombstone.tracking_domain, null);
    assert.ok(tombstone.deleted_at instanceof Date, 'the deletion time retention counts from');
    const kept = await stack.dataSource.query(`SELECT id FROM support_conversations WHERE account_id = $1`, [accountId]);
    assert.deepEqual(kept.map((row: { id: string }) => row.id), [conversationId]);
    const [{ count: messagesKept }] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM support_messages WHERE conversation_id = $1`, [conversationId]);
    assert.equal(messagesKept, 1, 'its messages stay with it');
    assert.deepEqual(await rowsNaming(stack.vaultDataSource, ids), {});
    assert.ok(!existsSync(join(exportDir, accountId)), 'the export archives are gone');
    const [{ count: stays }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM prospects WHERE account_id = $1`, [bystander.accountId]);
    assert.equal(stays, 1, 'another account keeps its rows');
    const actions = (await stack.dataSource.query(`SELECT action FROM audit_events WHERE account_id = $1 ORDER BY occurred_at`, [accountId]))
      .map((r: any) => r.action);
    for (const action of ['account.export_requested', 'account.exported', 'account.closure_requested', 'account.purged']) {
      assert.ok(actions.includes(action), `${action} audited (${actions.join(', ')})`);
    }

    const staff = await newStaffMember(stack.dataSource, 'support');
    const read = await fetch(`${stack.apiUrl}/v1/staff/account-closures/${accountId}`, { headers: { authorization: `Bearer ${staff.token}` } });
    assert.equal(read.status, 200);
    const closure: any = await read.json();
    assert.equal(closure.status, 'purged');
    const certificate = await verifyClosureCertificate(stack.config.accounts.certificateKeys, closure.certificateJws);
    assert.deepEqual(certificate, closure.certificate);
    assert.equal(certificate.counts.main.prospects, 2);
    assert.equal(certificate.counts.main.accounts, 1);
    assert.equal(certificate.counts.vault.mailbox_secrets, 1);
    assert.equal(certificate.counts.vault.enrichment_provider_keys, 1);
    assert.equal(certificate.counts.main.enrichment_results, 1);
    assert.ok(certificate.counts.main.messages >= 2);
    assert.equal(certificate.filesRemoved, 1);
    assert.equal(certificate.counts.archives?.request_log_lines, 1);
    const archivedAccounts = gunzipSync(await readFile(archive.path)).toString('utf8').trim().split('\n').map((line) => JSON.parse(line).accountId);
    assert.deepEqual(archivedAccounts, [bystander.accountId], 'the archived request logs keep only the other account\'s line');
    const tampered = closure.certificateJws.replace(/\.([^.]+)\./, (_: string, body: string) => `.${body.slice(0, -3)}AAA.`);
    await assert.rejects(verifyClosureCertificate(stack.config.accounts.certificateKeys, tampered));
    assert.equal((await api.get('/v1/account/closure')).status, 401, 'the purged account\'s key opens nothing');
  });
});
