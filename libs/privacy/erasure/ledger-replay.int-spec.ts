import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { accountWithMailbox } from '../../../tests/support/account-with-mailbox';
import { childProcessEnv, testEnv } from '../../../tests/harness/env';
import { loadConfig } from '@relance/config';
import { AuditRepository, createDataSource, runMigrations } from '@relance/db';
import { createDatabase, dropDatabase, locatePgTool } from '@relance/devservices';
import { AuditTrail } from '../audit-trail';
import { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import { replayErasures } from './ledger-replay';
import { footprintCampaign, type Footprint, prospectFootprint } from './testing/prospect-footprint';
import { findText } from './testing/text-scan';

const run = promisify(execFile);

/**
 * Backups: a dump taken before an erasure brings the person back when restored; replaying the
 * erasure ledger erases them again. Real pg_dump and pg_restore, real databases.
 */
describe('erasure ledger replay after a restore (pg_dump / pg_restore)', () => {
  const admin = () => testEnv().adminDatabaseUrl;
  const names = { live: `i12a_replay_live_${process.pid}`, restored: `i12a_replay_restored_${process.pid}` };
  const dumpFile = `/tmp/i12a-replay-${process.pid}-${Date.now()}.dump`;
  const urls = { live: '', restored: '' };
  let live: DataSource;
  let restored: DataSource;
  let ada: Footprint;
  let bob: Footprint;
  const adaPerson = { email: 'ada.replay@restore.test', firstName: 'Adelheid', lastName: 'Replayson', ip: '192.0.2.0' };
  const bobPerson = { email: 'bob.stays@restore.test', firstName: 'Bertrand', lastName: 'Staysworth', ip: '192.0.2.128' };

  before(async () => {
    const liveUrl = (urls.live = await createDatabase(admin(), names.live));
    await runMigrations(liveUrl);
    live = await createDataSource(liveUrl, { poolSize: 2 }).initialize();
    const account = await accountWithMailbox(live, 'Replay', 'restore.test');
    const target = { ...account, ...(await footprintCampaign(live, account.accountId, account.mailboxId)) };
    ada = await prospectFootprint(live, target, adaPerson);
    bob = await prospectFootprint(live, target, bobPerson);

    // The nightly backup, taken before the person asks to be forgotten.
    await run(await locatePgTool('pg_dump', admin()), ['--format=custom', `--file=${dumpFile}`, liveUrl]);

    const config = loadConfig();
    const erasure = new ErasureService(config, new ErasureRepository(live), new AuditTrail(new AuditRepository(live)));
    const report = await erasure.eraseSubject({ kind: 'prospect', accountId: account.accountId, prospectId: ada.prospectId }, randomUUID(), {
      kind: 'system', id: null,
    });
    assert.equal(report.counts.prospects, 1);

    // Disaster: the database is restored from that backup into a fresh one.
    const restoredUrl = (urls.restored = await createDatabase(admin(), names.restored));
    await run(await locatePgTool('pg_restore', admin()), ['--no-owner', `--dbname=${restoredUrl}`, dumpFile]);
    restored = await createDataSource(restoredUrl, { poolSize: 2 }).initialize();
  });

  after(async () => {
    await live?.destroy();
    await restored?.destroy();
    await dropDatabase(admin(), names.live);
    await dropDatabase(admin(), names.restored);
    await rm(dumpFile, { force: true });
  });

  const rowsOf = async (db: DataSource, f: Footprint) => {
    const [row] = await db.query(
      `SELECT (SELECT count(*) FROM prospects WHERE id = $1)::int + (SELECT count(*) FROM enrollments WHERE id = $2)::int
            + (SELECT count(*) FROM messages WHERE id = $3)::int + (SELECT count(*) FROM tracking_events WHERE message_id = $3)::int
            + (SELECT count(*) FROM tasks WHERE enrollment_id = $2)::int
            + (SELECT count(*) FROM prospect_suggestions WHERE created_prospect_id = $1)::int
            + (SELECT count(*) FROM inbound_messages WHERE enrollment_id = $2 OR in_reply_to_message_id = $3)::int AS n`,
      [f.prospectId, f.enrollmentId, f.messageId],
    );
    return row.n as number;
  };
  const clear = [adaPerson.email, adaPerson.firstName, adaPerson.lastName];

  it('the restored backup has the erased person back (and no ledger entry of the erasure)', async () => {
    assert.equal(await rowsOf(restored, ada), 8);
    assert.ok((await findText(restored, clear)).length > 0);
    assert.deepEqual(await restored.query(`SELECT id FROM erasure_ledger`), []);
  });

  it('npm run privacy:replay-erasures erases them again, keeps them suppressed, copies the entry, leaves the colleague', async () => {
    const script = resolve(__dirname, '../../../scripts/replay-erasures.js');
    const { stdout } = await run(process.execPath, [script, '--ledger-url', urls.live], {
      env: childProcessEnv({ DATABASE_URL: urls.restored }),
    });
    assert.match(stdout, /request [0-9a-f-]{36}: idempotency_keys=1 webhook_delivery_attempts=1 webhook_deliveries=1 enrichment_results=1 prospect_suggestions=1 tracking_events=1 tasks=1 inbound_messages=3 messages=1 enrollments=1 prospects=1 \(suppression restored, ledger entry copied\)/);
    assert.match(stdout, /1 ledger entry replayed, 13 row\(s\) erased again/);
    for (const text of clear) assert.ok(!stdout.includes(text), 'the command prints ids and counts only');

    assert.equal(await rowsOf(restored, ada), 0);
    assert.deepEqual(await findText(restored, clear), [], 'no column of any table holds their address or name');
    assert.equal(await rowsOf(restored, bob), 8, 'the colleague keeps everything');
    const [entry] = await live.query(`SELECT email_hash FROM erasure_ledger`);
    assert.deepEqual(await restored.query(`SELECT reason FROM suppressions WHERE email_hash = $1`, [entry.email_hash]), [{ reason: 'erasure' }]);
    assert.equal((await restored.query(`SELECT id FROM erasure_ledger`)).length, 1);
  });

  it('replaying again (from the restored database\'s own ledger now) changes nothing', async () => {
    const again = await replayErasures(restored, restored);
    assert.deepEqual(again.map((e) => [e.rows, e.resuppressed, e.copied]), [[{}, false, false]]);
    assert.equal(await rowsOf(restored, bob), 8);
  });
});
