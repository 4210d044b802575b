import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { accountWithMailbox } from '../../../tests/support/account-with-mailbox';
import { type AppConfig, loadConfig } from '@relance/config';
import { TokenSigner } from '@relance/crypto/signed-token';
import { AuditRepository, createDataSource } from '@relance/db';
import { connectTemporalClient, type TemporalClientHandle } from '@relance/temporal';
import { AuditTrail } from '../audit-trail';
import { ErasureRepository } from '../erasure/erasure.repository';
import { ErasureService } from '../erasure/erasure.service';
import { WorkflowPurge } from '../erasure/workflow-purge';
import { footprintCampaign, prospectFootprint } from '../erasure/testing/prospect-footprint';
import { CertificateSigner } from './privacy-certificate';
import { PrivacyRequestExecutor, PrivacyRequestRejectedError } from './privacy-request-executor';
import { PrivacyRequestRepository } from './privacy-request.repository';
import { SubjectRowsRepository } from './subject-rows.repository';
import { SystemMailer } from './system-mailer';

/** Carrying out verified requests on real PostgreSQL (and Temporal for the workflow purge). */
describe('privacy request executor (real PostgreSQL)', () => {
  let db: DataSource;
  let config: AppConfig;
  let temporal: TemporalClientHandle;
  let executor: PrivacyRequestExecutor;
  let requests: PrivacyRequestRepository;
  let erasure: ErasureService;
  let certificates: CertificateSigner;
  let target: Parameters<typeof prospectFootprint>[1];

  before(async () => {
    config = loadConfig();
    db = await createDataSource(config.database.url, { poolSize: 2 }).initialize();
    temporal = await connectTemporalClient(config);
    const audit = new AuditTrail(new AuditRepository(db));
    erasure = new ErasureService(config, new ErasureRepository(db), audit);
    requests = new PrivacyRequestRepository(db);
    certificates = new CertificateSigner(config.privacy.certificateKeys);
    executor = new PrivacyRequestExecutor(
      config, requests, new SubjectRowsRepository(db), erasure, new WorkflowPurge(temporal.client), audit,
      new TokenSigner(config.tokens.signingKeys), certificates, new SystemMailer(config),
    );
    const account = await accountWithMailbox(db, 'Executor', 'executor.test');
    target = { ...account, ...(await footprintCampaign(db, account.accountId, account.mailboxId)) };
  });

  after(async () => {
    await temporal?.close();
    await db?.destroy();
  });

  /** A customer's request about the prospect, verified as the customer route verifies it. */
  async function verifiedRequest(type: 'erasure' | 'access', prospectId: string): Promise<string> {
    const created = await requests.create({ type, subjectKind: 'prospect', requester: 'customer', accountId: target.accountId, prospectId });
    await requests.verify(created.id, { method: 'customer', staffId: null, reason: null, at: new Date(), dueAt: new Date(Date.now() + 86_400_000) });
    return created.id;
  }

  it('certifies everything an erasure removed even when its activity is retried after the erasure committed', async () => {
    const person = { email: 'retried.erasure@executor.test', firstName: 'Retried', lastName: 'Erasure', ip: '203.0.113.0' };
    const footprint = await prospectFootprint(db, target, person);
    const requestId = await verifiedRequest('erasure', footprint.prospectId);
    // The first attempt: the erasure commits, then the worker dies before the certificate.
    await erasure.eraseSubject({ kind: 'prospect', accountId: target.accountId, prospectId: footprint.prospectId }, requestId, { kind: 'system', id: null });

    assert.deepEqual(await executor.execute(requestId), { found: true });
    const request = (await requests.find(requestId))!;
    assert.equal(request.status, 'completed');
    const body = await certificates.verify(request.certificate!);
    assert.equal(body?.found, true);
    assert.equal(body?.counts.prospects, 1);
    assert.equal(body?.counts.messages, 1);
    assert.equal(body?.counts.inbound_messages, 3);
    assert.deepEqual(await executor.execute(requestId), { found: true }, 'a completed request is not carried out twice');
  });

  it('exports every row the registry finds, the messages sent to and received from the prospect among them', async () => {
    const person = { email: 'curious.person@executor.test', firstName: 'Curious', lastName: 'Person', ip: '198.51.100.0' };
    const footprint = await prospectFootprint(db, target, person);
    const requestId = await verifiedRequest('access', footprint.prospectId);
    assert.deepEqual(await executor.execute(requestId), { found: true });
    const request = (await requests.find(requestId))!;
    const [exported] = request.exportData!.prospects as { tables: Record<string, Record<string, unknown>[]> }[];
    assert.equal(exported.tables.prospects[0].email, person.email);
    assert.equal(exported.tables.messages.length, 1);
    assert.equal(exported.tables.inbound_messages.length, 3);
    assert.equal(exported.tables.tracking_events.length, 1);
    const body = await certificates.verify(request.certificate!);
    assert.equal(body?.counts.messages, 1);
    assert.equal(JSON.stringify(body).includes(person.email), false, 'the certificate names nobody');
  });

  it('does nothing for a request staff rejected after its workflow last read it, saying so (a final failure, not a retry)', async () => {
    const person = { email: 'rejected.late@executor.test', firstName: 'Late', lastName: 'Rejection', ip: '203.0.113.0' };
    const footprint = await prospectFootprint(db, target, person);
    const requestId = await verifiedRequest('erasure', footprint.prospectId);
    assert.ok(await requests.reject(requestId, new Date()));
    await assert.rejects(executor.execute(requestId), PrivacyRequestRejectedError);
    const left = await db.query(`SELECT count(*)::int AS n FROM prospects WHERE id = $1`, [footprint.prospectId]);
    assert.equal(left[0].n, 1, 'the prospect is still there');
    assert.equal((await requests.find(requestId))!.status, 'rejected');
  });
});
