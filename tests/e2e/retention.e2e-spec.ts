import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { AppConfig, loadConfig } from '@relance/config';
import { createDataSource } from '@relance/db';
import { createLogger } from '@relance/observability';
import { LogArchives } from '@relance/privacy/retention';
import { connectTemporalClient, type TemporalClientHandle } from '@relance/temporal';
import { RETENTION_JOBS, retentionScheduleId } from '@relance/temporal/contracts';
import { createRelanceWorker, type RelanceWorker } from '../../apps/worker/src/relance-worker';
import { installTemporalRuntime } from '../../apps/worker/src/temporal-runtime';
import { testEnv } from '../harness/env';
import { eventually } from '../support/api-client';
import { newStaffMember } from '../support/staff-fixtures';
import { TestApi } from '../support/test-api';
import { bootstrapAccount, issueApiKey } from '../../apps/api/src/auth/bootstrap-account';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

/**
 * Retention on the dev server: starting the worker (twice) makes one schedule per job; the
 * schedules, every 2 s here, archive and delete old request logs, destroy old archives, delete
 * support conversations 90 days after their account's deletion and revoked staff tokens, and
 * record each run for GET /v1/staff/retention-runs.
 */
describe('retention schedules', () => {
  const testStart = new Date();
  const marker = randomUUID(); // the account id of this suite's request log rows
  let config: AppConfig;
  let db: DataSource;
  let temporal: TemporalClientHandle;
  let archiveDir: string;
  let exportDir: string;
  const workers: { worker: RelanceWorker; running: Promise<void> }[] = [];
  const seeded = {
    oldLogIds: [] as string[], recentLogId: '', oldArchive: '', recentArchive: '',
    expiredConversation: '', unattachedExpired: '', keptConversations: [] as string[], expiredAccount: '', keptAccounts: [] as string[], oldToken: '', recentToken: '',
    oldApiKey: '', recentApiKey: '', liveApiKey: '',
    oldExport: { id: '', file: '' }, recentExport: { id: '', file: '' }, oldAccessExport: '', recentAccessExport: '',
  };

  before(async () => {
    archiveDir = await mkdtemp(join(tmpdir(), 'relance-retention-'));
    exportDir = await mkdtemp(join(tmpdir(), 'relance-retention-exports-'));
    config = loadConfig({
      ...process.env, RETENTION_INTERVAL: '2s', REQUEST_LOG_ARCHIVE_DIR: archiveDir, ACCOUNT_EXPORT_DIR: exportDir, WORKER_SHUTDOWN_GRACE: '2s',
    });
    db = await createDataSource(testEnv().databaseUrl, { poolSize: 2 }).initialize();
    temporal = await connectTemporalClient(config);
    await seed();
    const logger = createLogger({ level: config.logLevel, service: 'test-retention' });
    installTemporalRuntime(logger, { drainOnSignals: false });
    // Two worker starts, as two worker processes (or a restart) would make.
    for (let i = 0; i < 2; i += 1) {
      const worker = await createRelanceWorker(config, logger);
      workers.push({ worker, running: worker.run() });
    }
  });

  after(async () => {
    for (const { worker } of workers) worker.shutdown();
    await Promise.all(workers.map(({ running }) => running));
    // The schedules fire every 2 s here: later suites recreate them with their own interval.
    for (const job of RETENTION_JOBS) await temporal?.client.schedule.getHandle(retentionScheduleId(job)).delete().catch(() => undefined);
    await temporal?.close();
    await db?.destroy();
    await rm(archiveDir, { recursive: true, force: true });
    await rm(exportDir, { recursive: true, force: true });
  });

  async function seed() {
    const insertLog = async (at: Date) => {
      const [row] = await db.query(
        `INSERT INTO request_logs (occurred_at, method, route, status, duration_ms, account_id, ip, country, browser)
         VALUES ($1, 'GET', '/v1/prospects', 200, 3, $2, '192.0.2.0', 'FR', 'Firefox') RETURNING id`,
        [at, marker],
      );
      return row.id as string;
    };
    seeded.oldLogIds = [await insertLog(daysAgo(45)), await insertLog(daysAgo(40)), await insertLog(daysAgo(40))];
    seeded.recentLogId = await insertLog(daysAgo(1));

    const archives = new LogArchives(archiveDir);
    const archiveOf = async (at: Date) => {
      const row = { id: randomUUID(), occurredAt: at, method: 'GET', route: '/health', status: 200, durationMs: 1,
        accountId: null, userId: null, apiKeyId: null, staffUserId: null, ip: null, country: null, browser: null };
      return (await archives.write([row]))[0].name;
    };
    seeded.oldArchive = await archiveOf(daysAgo(400));
    seeded.recentArchive = await archiveOf(daysAgo(31));

    const account = async (deletedAt: Date | null) =>
      (await db.query(`INSERT INTO accounts (name, deleted_at) VALUES ('retention test', $1) RETURNING id`, [deletedAt]))[0].id as string;
    const conversation = async (accountId: string | null, lastMessageAt = new Date()) => {
      const [{ id }] = await db.query(
        `INSERT INTO support_conversations (account_id, subject, last_message_at) VALUES ($1, 'Help', $2) RETURNING id`, [accountId, lastMessageAt]);
      await db.query(`INSERT INTO support_messages (conversation_id, body) VALUES ($1, 'My import failed')`, [id]);
      return id as string;
    };
    seeded.expiredAccount = await account(daysAgo(91));
    seeded.keptAccounts = [await account(daysAgo(10)), await account(null)];
    seeded.expiredConversation = await conversation(seeded.expiredAccount);
    seeded.keptConversations = await Promise.all(seeded.keptAccounts.map((id) => conversation(id, daysAgo(200))));
    // Never attached to an account: kept 90 days after the last message.
    seeded.unattachedExpired = await conversation(null, daysAgo(91));
    seeded.keptConversations.push(await conversation(null, daysAgo(89)));

    const revokedAt = async (at: Date) => {
      const member = await newStaffMember(db, 'support');
      await db.query(`UPDATE staff_tokens SET revoked_at = $1 WHERE id = $2`, [at, member.tokenId]);
      return member.tokenId;
    };
    seeded.oldToken = await revokedAt(daysAgo(31));
    seeded.recentToken = await revokedAt(daysAgo(1));

    const keyAccount = await bootstrapAccount(db, { accountName: 'retention keys', ownerEmail: `owner-${randomUUID()}@relance.test`, ownerName: 'Owner' });
    const keyRevokedAt = async (at: Date) => {
      const { apiKeyId } = await issueApiKey(db, { accountId: keyAccount.accountId, name: 'old integration' });
      await db.query(`UPDATE api_keys SET revoked_at = $1 WHERE id = $2`, [at, apiKeyId]);
      return apiKeyId;
    };
    // Account exports are downloadable for ACCOUNT_EXPORT_LINK_TTL (7 days) after they are written.
    const exportDone = async (at: Date) => {
      const [row] = await db.query(`INSERT INTO account_exports (account_id, status, completed_at) VALUES ($1, 'ready', $2) RETURNING id`,
        [keyAccount.accountId, at]);
      const relative = join(keyAccount.accountId, `${row.id}.zip`);
      await mkdir(join(exportDir, keyAccount.accountId), { recursive: true });
      await writeFile(join(exportDir, relative), 'PK');
      await db.query(`UPDATE account_exports SET file_path = $2 WHERE id = $1`, [row.id, relative]);
      return { id: row.id as string, file: join(exportDir, relative) };
    };
    seeded.oldExport = await exportDone(daysAgo(8));
    seeded.recentExport = await exportDone(daysAgo(1));
    const accessExportDone = async (at: Date) => (await db.query(
      `INSERT INTO privacy_requests (type, subject_kind, email_hash, requester, status, completed_at, export_data)
       VALUES ('access', 'email', 'retention-test-hash', 'subject', 'completed', $1, '{"prospects": []}') RETURNING id`, [at],
    ))[0].id as string;
    seeded.oldAccessExport = await accessExportDone(daysAgo(8));
    seeded.recentAccessExport = await accessExportDone(daysAgo(1));
    seeded.oldApiKey = await keyRevokedAt(daysAgo(31));
    seeded.recentApiKey = await keyRevokedAt(daysAgo(1));
    seeded.liveApiKey = keyAccount.apiKeyId;
  }

  const runsSinceStart = (): Promise<{ job: string; counts: Record<string, number>; error: string | null }[]> =>
    db.query(`SELECT job, counts, error FROM retention_runs WHERE started_at >= $1 ORDER BY started_at`, [testStart]);

  it('starting the worker twice leaves exactly one schedule per job, on the configured interval, with the job as only input', async () => {
    const expected = RETENTION_JOBS.map(retentionScheduleId).sort();
    const listed = async () => {
      const ids: string[] = [];
      for await (const schedule of temporal.client.schedule.list()) {
        if (schedule.scheduleId.startsWith('retention:')) ids.push(schedule.scheduleId);
      }
      return ids.sort();
    };
    // The list is eventually consistent (a schedule deleted by an earlier suite may linger a moment).
    const ids = await eventually('the schedule list settled', async () => {
      const found = await listed();
      return found.length === expected.length ? found : undefined;
    }, 10_000).catch(() => listed());
    assert.deepEqual(ids, expected);
    for (const job of RETENTION_JOBS) {
      const described = await temporal.client.schedule.getHandle(retentionScheduleId(job)).describe();
      assert.deepEqual(described.spec.intervals?.map((interval) => interval.every), [2_000]);
      assert.equal(described.action.type, 'startWorkflow');
      if (described.action.type === 'startWorkflow') {
        assert.equal(described.action.workflowType, 'retentionWorkflow');
        assert.deepEqual(described.action.args, [{ job }]);
      }
    }
  });

  it('the scheduled runs record what they did, each job at least once', async () => {
    const runs = await eventually('a successful run of every job', async () => {
      const found = await runsSinceStart();
      const jobs = new Set(found.filter((run) => run.error === null).map((run) => run.job));
      return RETENTION_JOBS.every((job) => jobs.has(job)) ? found : undefined;
    }, 30_000);
    assert.deepEqual(runs.filter((run) => run.error !== null), [], 'no run failed');
    const most = (job: string, count: string) => Math.max(...runs.filter((run) => run.job === job).map((run) => run.counts[count] ?? 0));
    assert.ok(most('request-log-archive', 'requestLogsArchived') >= 3);
    assert.ok(most('request-log-archive', 'archiveFilesWritten') >= 2, 'one file per day of logs');
    assert.ok(most('log-archive-destroy', 'archivesDestroyed') >= 1);
    assert.ok(most('support-conversations', 'supportConversationsDeleted') >= 1);
    assert.ok(most('support-conversations', 'deletedAccountsRemoved') >= 1);
    assert.ok(most('support-conversations', 'unattachedConversationsDeleted') >= 1);
    assert.ok(most('expired-tokens', 'staffTokensDeleted') >= 1);
    assert.ok(most('expired-tokens', 'apiKeysDeleted') >= 1);
    assert.ok(most('expired-tokens', 'accountExportsExpired') >= 1);
    assert.ok(most('expired-tokens', 'accessExportsDeleted') >= 1);
  });

  it('moved the old request logs into readable gzip archives and kept the recent one', async () => {
    const left = await db.query(`SELECT id FROM request_logs WHERE account_id = $1`, [marker]);
    assert.deepEqual(left.map((row: { id: string }) => row.id), [seeded.recentLogId]);
    const archived: { id: string; accountId: string; occurredAt: string; route: string }[] = [];
    for (const file of await new LogArchives(archiveDir).list()) {
      const lines = gunzipSync(await readFile(file.path)).toString('utf8').trim().split('\n');
      for (const line of lines) {
        const row = JSON.parse(line);
        if (row.accountId === marker) {
          archived.push(row);
          assert.equal(row.occurredAt.slice(0, 10), file.day, 'each archive holds one day');
        }
      }
    }
    assert.deepEqual(archived.map((row) => row.id).sort(), [...seeded.oldLogIds].sort(), 'each old row archived once');
    assert.ok(archived.every((row) => row.route === '/v1/prospects'));
  });

  it('destroyed the archive older than a year and kept the younger one', async () => {
    const names = (await new LogArchives(archiveDir).list()).map((file) => file.name);
    assert.ok(!names.includes(seeded.oldArchive));
    assert.ok(names.includes(seeded.recentArchive));
  });

  it("deleted support conversations 90 days after their account's deletion (unattached: after their last message), no sooner", async () => {
    const ids = [seeded.expiredConversation, seeded.unattachedExpired, ...seeded.keptConversations];
    const left = await db.query(`SELECT id FROM support_conversations WHERE id = ANY($1::uuid[])`, [ids]);
    assert.deepEqual(left.map((row: { id: string }) => row.id).sort(), [...seeded.keptConversations].sort());
    const messages = await db.query(`SELECT DISTINCT conversation_id AS id FROM support_messages WHERE conversation_id = ANY($1::uuid[])`, [ids]);
    assert.deepEqual(messages.map((row: { id: string }) => row.id).sort(), [...seeded.keptConversations].sort(), 'messages go with them');
    const accounts = await db.query(`SELECT id FROM accounts WHERE id = ANY($1::uuid[])`, [[seeded.expiredAccount, ...seeded.keptAccounts]]);
    assert.deepEqual(accounts.map((row: { id: string }) => row.id).sort(), [...seeded.keptAccounts].sort(), 'the deleted account\'s tombstone goes with them');
  });

  it('removed staff tokens and API keys revoked more than 30 days ago, and only those', async () => {
    const left = await db.query(`SELECT id FROM staff_tokens WHERE id = ANY($1::uuid[])`, [[seeded.oldToken, seeded.recentToken]]);
    assert.deepEqual(left.map((row: { id: string }) => row.id), [seeded.recentToken]);
    const keys = await db.query(`SELECT id FROM api_keys WHERE id = ANY($1::uuid[])`,
      [[seeded.oldApiKey, seeded.recentApiKey, seeded.liveApiKey]]);
    assert.deepEqual(keys.map((row: { id: string }) => row.id).sort(), [seeded.recentApiKey, seeded.liveApiKey].sort());
  });

  it('GET /v1/staff/retention-runs shows the runs to operators, 403 to support, 401 without a staff token, 400 for an unknown job or cursor', async () => {
    const api = await TestApi.start();
    try {
      const operator = await newStaffMember(api.dataSource, 'operator');
      const res = await api.request('GET', '/v1/staff/retention-runs?job=request-log-archive&limit=200', { key: operator.token });
      assert.equal(res.status, 200, res.text);
      const run = res.body.data.find((r: any) => (r.counts.requestLogsArchived ?? 0) >= 3);
      assert.ok(run, 'the run that archived this suite\'s rows is listed');
      assert.equal(run.job, 'request-log-archive');
      assert.equal(run.error, null);
      assert.ok(run.durationMs >= 0 && Date.parse(run.finishedAt) >= Date.parse(run.startedAt));
      assert.ok(res.body.data.every((r: any) => r.job === 'request-log-archive'));

      const firstPage = await api.request('GET', '/v1/staff/retention-runs?limit=1', { key: operator.token });
      assert.equal(firstPage.body.data.length, 1);
      const next = await api.request('GET', `/v1/staff/retention-runs?limit=1&after=${firstPage.body.nextCursor}`, { key: operator.token });
      assert.equal(next.status, 200);
      assert.notEqual(next.body.data[0].id, firstPage.body.data[0].id);

      const support = await newStaffMember(api.dataSource, 'support');
      assert.equal((await api.request('GET', '/v1/staff/retention-runs', { key: support.token })).status, 403);
      assert.equal((await api.request('GET', '/v1/staff/retention-runs')).status, 401);
      const bad = await api.request('GET', '/v1/staff/retention-runs?job=everything', { key: operator.token });
      assert.equal(bad.status, 400);
      assert.match(bad.text, /job/);
      const stale = await api.request('GET', `/v1/staff/retention-runs?after=${randomUUID()}`, { key: operator.token });
      assert.equal(stale.status, 400);
      assert.match(stale.text, /after/);
    } finally {
      await api.close();
    }
  });

  it('removed export archives and access exports once their links had expired, and only those', async () => {
    assert.ok(!existsSync(seeded.oldExport.file), 'the expired archive is gone');
    assert.ok(existsSync(seeded.recentExport.file), 'the downloadable one stays');
    const exports = await db.query(`SELECT id, status, file_path FROM account_exports WHERE id = ANY($1::uuid[]) ORDER BY completed_at`,
      [[seeded.oldExport.id, seeded.recentExport.id]]);
    assert.deepEqual(exports.map((row: any) => [row.id, row.status, row.file_path !== null]),
      [[seeded.oldExport.id, 'expired', false], [seeded.recentExport.id, 'ready', true]]);
    const access = await db.query(`SELECT id, export_data IS NOT NULL AS held FROM privacy_requests WHERE id = ANY($1::uuid[]) ORDER BY completed_at`,
      [[seeded.oldAccessExport, seeded.recentAccessExport]]);
    assert.deepEqual(access.map((row: any) => [row.id, row.held]), [[seeded.oldAccessExport, false], [seeded.recentAccessExport, true]]);
  });
});
