import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { bootstrapAccount } from '../../../apps/api/src/auth/bootstrap-account';
import { loadConfig } from '../../config';
import { composeMessage } from '../../sequencing/compose-message';
import { createDataSource } from '../data-source';
import { ClaimRules, OutboxRepository } from './outbox.repository';

/** What the claim refuses or postpones, read under lock in its transaction, whatever the workflow knows. */
describe('the send claim re-checks the sequence state', () => {
  let dataSource: DataSource;
  let outbox: OutboxRepository;
  let ids: { campaignId: string; stepId: string; enrollmentId: string };

  const rules: ClaimRules = {
    compose: composeMessage,
    suppressionKeys: () => ({ emailHash: 'none', domains: [] }),
    pace: (context) => ({
      kind: 'admit',
      mailboxId: context.mailboxes[0].mailboxId,
      state: { day: 'd', dayCount: 0, nextSendAt: new Date(0), queueTailAt: new Date(0) },
    }),
  } as ClaimRules;

  before(async () => {
    dataSource = await createDataSource(loadConfig().database.url, { poolSize: 2 }).initialize();
    outbox = new OutboxRepository(dataSource);
    const { accountId } = await bootstrapAccount(dataSource, { accountName: 'Claims', ownerEmail: 'o@claims.test', ownerName: 'O' });
    const mailboxId = randomUUID();
    await dataSource.query(
      `INSERT INTO mailboxes (id, account_id, email, smtp_host, smtp_port, smtp_username, imap_host, imap_port, imap_username)
       VALUES ($1, $2, 'rep@claims.test', 'h', 1, 'u', 'h', 1, 'u')`,
      [mailboxId, accountId],
    );
    const [campaign] = await dataSource.query(
      `INSERT INTO campaigns (account_id, name, mailbox_id, status) VALUES ($1, 'c', $2, 'active') RETURNING id`, [accountId, mailboxId],
    );
    await dataSource.query(`INSERT INTO campaign_mailboxes (campaign_id, mailbox_id) VALUES ($1, $2)`, [campaign.id, mailboxId]);
    const [step] = await dataSource.query(
      `INSERT INTO steps (campaign_id, position, kind, subject, body) VALUES ($1, 0, 'email', 's', 'b') RETURNING id`, [campaign.id],
    );
    const [prospect] = await dataSource.query(
      `INSERT INTO prospects (account_id, email) VALUES ($1, 'p@claims.test') RETURNING id`, [accountId],
    );
    const [enrollment] = await dataSource.query(
      `INSERT INTO enrollments (account_id, campaign_id, prospect_id, workflow_id) VALUES ($1, $2, $3, 'enrollment:x') RETURNING id`,
      [accountId, campaign.id, prospect.id],
    );
    ids = { campaignId: campaign.id, stepId: step.id, enrollmentId: enrollment.id };
  });

  after(async () => {
    await dataSource?.destroy();
  });

  const setEnrollment = (column: 'status' | 'paused_until', value: unknown) =>
    dataSource.query(`UPDATE enrollments SET ${column} = $1 WHERE id = $2`, [value, ids.enrollmentId]);
  const setCampaignStatus = (status: string) =>
    dataSource.query(`UPDATE campaigns SET status = $1 WHERE id = $2`, [status, ids.campaignId]);

  it('postpones a send until the out-of-office return date', async () => {
    const until = new Date(Date.now() + 3_600_000);
    await setEnrollment('paused_until', until);
    const claim = await outbox.claim(ids.enrollmentId, ids.stepId, rules);
    assert.deepEqual(claim, { kind: 'deferred', until, queued: false });
    await setEnrollment('paused_until', new Date(Date.now() - 1_000));
  });

  it('answers paused for a paused enrollment or campaign, stopped for a stopped campaign', async () => {
    await setEnrollment('status', 'paused');
    assert.deepEqual(await outbox.claim(ids.enrollmentId, ids.stepId, rules), { kind: 'paused' });
    await setEnrollment('status', 'active');
    await setCampaignStatus('paused');
    assert.deepEqual(await outbox.claim(ids.enrollmentId, ids.stepId, rules), { kind: 'paused' });
    await setCampaignStatus('stopped');
    assert.deepEqual(await outbox.claim(ids.enrollmentId, ids.stepId, rules), { kind: 'stopped', reason: 'campaign_stopped' });
    await setCampaignStatus('active');
  });

  it('answers replanned for a step an edit replaced before it was sent', async () => {
    await dataSource.query(`UPDATE steps SET retired_at = now() WHERE id = $1`, [ids.stepId]);
    assert.deepEqual(await outbox.claim(ids.enrollmentId, ids.stepId, rules), { kind: 'replanned' });
    await dataSource.query(`UPDATE steps SET retired_at = NULL WHERE id = $1`, [ids.stepId]);
  });

  it('claims once the way is clear, and only once', async () => {
    const first = await outbox.claim(ids.enrollmentId, ids.stepId, rules);
    assert.equal(first.kind, 'claimed');
    const second = await outbox.claim(ids.enrollmentId, ids.stepId, rules);
    assert.equal(second.kind, 'existing');
  });
});
