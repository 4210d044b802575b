import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { accountWithMailbox } from '../../../tests/support/account-with-mailbox';
import { type AppConfig, loadConfig } from '@relance/config';
import { AuditRepository, createDataSource } from '@relance/db';
import { AuditTrail } from '../audit-trail';
import { hashEmail } from '../suppression-keys';
import { ErasureRepository } from './erasure.repository';
import { ErasureService } from './erasure.service';
import { footprintCampaign, type Footprint, type Person, prospectFootprint } from './testing/prospect-footprint';

const SYSTEM = { kind: 'system', id: null } as const;

/** The erasure engine on real PostgreSQL, over the registry. */
describe('erasure engine (real PostgreSQL)', () => {
  let db: DataSource;
  let config: AppConfig;
  let erasure: ErasureService;
  let accountId: string;
  let target: Parameters<typeof prospectFootprint>[1];

  const ada: Person = { email: 'ada.lovelace@erasure.test', firstName: 'Augusta', lastName: 'Lovelace', ip: '203.0.113.0' };
  const bob: Person = { email: 'bob.colleague@erasure.test', firstName: 'Bobbington', lastName: 'Colleague', ip: '198.51.100.0' };

  before(async () => {
    config = loadConfig();
    db = await createDataSource(config.database.url, { poolSize: 2 }).initialize();
    erasure = new ErasureService(config, new ErasureRepository(db), new AuditTrail(new AuditRepository(db)));
    const account = await accountWithMailbox(db, 'Erasure', 'erasure.test');
    accountId = account.accountId;
    target = { ...account, ...(await footprintCampaign(db, account.accountId, account.mailboxId)) };
  });

  after(async () => {
    await db?.destroy();
  });

  /** How many rows each table holds about the footprint's prospect. */
  async function rowsAbout(f: Footprint, email: string): Promise<Record<string, number>> {
    const [row] = await db.query(
      `SELECT (SELECT count(*) FROM prospects WHERE id = $1)::int AS prospects,
              (SELECT count(*) FROM enrollments WHERE id = $2)::int AS enrollments,
              (SELECT count(*) FROM messages WHERE id = $3)::int AS messages,
              (SELECT count(*) FROM tracking_events WHERE message_id = $3)::int AS tracking_events,
              (SELECT count(*) FROM tasks WHERE enrollment_id = $2)::int AS tasks,
              (SELECT count(*) FROM inbound_messages WHERE enrollment_id = $2 OR in_reply_to_message_id = $3 OR from_address = $4)::int
                AS inbound_messages,
              (SELECT count(*) FROM prospect_suggestions WHERE created_prospect_id = $1 OR email = $4)::int AS prospect_suggestions,
              (SELECT count(*) FROM enrichment_results WHERE prospect_id = $1)::int AS enrichment_results,
              (SELECT count(*) FROM idempotency_keys WHERE response_body::text LIKE '%' || $1::text || '%')::int AS idempotency_keys,
              (SELECT count(*) FROM webhook_deliveries WHERE prospect_id = $1)::int AS webhook_deliveries,
              (SELECT count(*) FROM webhook_delivery_attempts WHERE response_snippet LIKE '%' || $4 || '%')::int AS webhook_delivery_attempts`,
      [f.prospectId, f.enrollmentId, f.messageId, email],
    );
    return row;
  }

  const everything = { idempotency_keys: 1, webhook_deliveries: 1, webhook_delivery_attempts: 1, enrichment_results: 1, prospect_suggestions: 1, tracking_events: 1, tasks: 1, inbound_messages: 3, messages: 1, enrollments: 1, prospects: 1 };
  // The footprint has no CSV import: those tables are counted, at zero (import-file-erasure.int-spec erases an import's rows).
  const noImports = { import_refusals: 0, import_job_prospects: 0 };
  const nothing = { idempotency_keys: 0, webhook_deliveries: 0, webhook_delivery_attempts: 0, enrichment_results: 0, prospect_suggestions: 0, tracking_events: 0, tasks: 0, inbound_messages: 0, messages: 0, enrollments: 0, prospects: 0 };

  it('erases every row about the prospect, leaves their colleague alone, and counts per table', async () => {
    const adaRows = await prospectFootprint(db, target, ada);
    const bobRows = await prospectFootprint(db, target, bob);
    assert.deepEqual(await rowsAbout(adaRows, ada.email), everything, 'the fixture fills every table');

    const requestId = randomUUID();
    const report = await erasure.eraseSubject({ kind: 'prospect', accountId, prospectId: adaRows.prospectId }, requestId, SYSTEM);

    assert.equal(report.found, true);
    assert.deepEqual(report.counts, { ...noImports, ...everything });
    assert.deepEqual(await rowsAbout(adaRows, ada.email), nothing);
    assert.deepEqual(await rowsAbout(bobRows, bob.email), everything, 'the colleague keeps everything');
    assert.equal(report.workflowIds.length, 3, 'the sequence, its control, the soft-bounce resend');
    assert.ok(report.workflowIds[0].startsWith('enrollment:'));
    assert.ok(report.workflowIds.includes(`enrollment-control:${adaRows.enrollmentId}`));
    assert.ok(report.workflowIds.includes(`soft-bounce-resend:${adaRows.messageId}:1`));

    // What stays: the keyed hash on the suppression list, the ledger, the audit: nothing readable.
    const hash = hashEmail(config.suppression.hashKey, ada.email);
    const suppressions = await db.query(`SELECT reason FROM suppressions WHERE account_id = $1 AND email_hash = $2`, [accountId, hash]);
    assert.deepEqual(suppressions, [{ reason: 'erasure' }]);
    const [ledger] = await db.query(`SELECT * FROM erasure_ledger WHERE request_id = $1`, [requestId]);
    assert.equal(ledger.email_hash, hash);
    assert.deepEqual(ledger.row_ids.prospects, [adaRows.prospectId]);
    assert.equal(ledger.row_ids.inbound_messages.length, 3);
    assert.deepEqual(ledger.workflow_ids, report.workflowIds);
    const [audit] = await db.query(`SELECT * FROM audit_events WHERE action = 'prospect.erased' AND target_id = $1`, [adaRows.prospectId]);
    assert.equal(audit.details.requestId, requestId);
    assert.deepEqual(audit.details.counts, { ...noImports, ...everything });
    for (const stored of [JSON.stringify(ledger), JSON.stringify(audit)]) {
      for (const clear of [ada.email, ada.firstName, ada.lastName, ada.ip]) assert.ok(!stored.includes(clear), `${clear} is not kept`);
    }
  });

  it('stops the sequence before erasing it (ended with reason "erased", so its task is cancelled by the same path)', async () => {
    const rows = await prospectFootprint(db, target, { ...ada, email: 'stopped.first@erasure.test' });
    // A trigger keeps what the erasure did to the enrollment visible after the row is gone.
    await db.query(`CREATE TABLE IF NOT EXISTS erasure_spec_ends (id uuid, status text, reason text)`);
    await db.query(`
      CREATE OR REPLACE FUNCTION erasure_spec_note_end() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO erasure_spec_ends VALUES (NEW.id, NEW.status, NEW.stop_reason); RETURN NULL; END $$`);
    await db.query(`CREATE TRIGGER erasure_spec_ends AFTER UPDATE OF status ON enrollments FOR EACH ROW EXECUTE FUNCTION erasure_spec_note_end()`);
    try {
      await erasure.eraseSubject({ kind: 'prospect', accountId, prospectId: rows.prospectId }, randomUUID(), SYSTEM);
    } finally {
      await db.query(`DROP TRIGGER erasure_spec_ends ON enrollments`);
    }
    const ends = await db.query(`SELECT status, reason FROM erasure_spec_ends WHERE id = $1`, [rows.enrollmentId]);
    await db.query(`DROP TABLE erasure_spec_ends; DROP FUNCTION erasure_spec_note_end()`);
    assert.deepEqual(ends, [{ status: 'stopped', reason: 'erased' }]);
  });

  it('erasing twice is harmless: the second run finds nothing, counts zeros and writes no ledger entry', async () => {
    const rows = await prospectFootprint(db, target, { ...ada, email: 'twice@erasure.test' });
    const subject = { kind: 'prospect', accountId, prospectId: rows.prospectId } as const;
    await erasure.eraseSubject(subject, randomUUID(), SYSTEM);
    const second = randomUUID();
    const report = await erasure.eraseSubject(subject, second, SYSTEM);
    assert.equal(report.found, false);
    assert.deepEqual(report.counts, { ...noImports, ...nothing });
    assert.deepEqual(report.workflowIds, []);
    assert.deepEqual(await db.query(`SELECT id FROM erasure_ledger WHERE request_id = $1`, [second]), []);
    const hash = hashEmail(config.suppression.hashKey, 'twice@erasure.test');
    assert.equal((await db.query(`SELECT id FROM suppressions WHERE email_hash = $1`, [hash])).length, 1, 'one suppression entry');
  });

  it('another account cannot erase the prospect: nothing found, nothing touched', async () => {
    const rows = await prospectFootprint(db, target, { ...bob, email: 'not-yours@erasure.test' });
    const other = await accountWithMailbox(db, 'Other', 'other-erasure.test');
    const report = await erasure.eraseSubject({ kind: 'prospect', accountId: other.accountId, prospectId: rows.prospectId }, randomUUID(), SYSTEM);
    assert.equal(report.found, false);
    assert.deepEqual(await rowsAbout(rows, 'not-yours@erasure.test'), everything);
    const [enrollment] = await db.query(`SELECT status FROM enrollments WHERE id = $1`, [rows.enrollmentId]);
    assert.equal(enrollment.status, 'active', 'its sequence still runs');
  });

  it('is all or nothing: a failure at the end (the audit) leaves every row in place', async () => {
    const rows = await prospectFootprint(db, target, { ...ada, email: 'atomic@erasure.test' });
    const repository = new ErasureRepository(db);
    await assert.rejects(repository.eraseProspect({
      accountId, prospectId: rows.prospectId, requestId: randomUUID(), hashEmail: () => 'h',
      audit: async () => { throw new Error('audit store refused'); },
    }), /audit store refused/);
    assert.deepEqual(await rowsAbout(rows, 'atomic@erasure.test'), everything);
    assert.deepEqual(await db.query(`SELECT id FROM suppressions WHERE email_hash = 'h'`), []);
  });
});
