import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { bootstrapAccount } from '../../../apps/api/src/auth/bootstrap-account';
import { loadConfig } from '@relance/config';
import { composeMessage, decideClaim } from '@relance/sending';
import { decidePace } from '@relance/scheduling';
import { createDataSource } from '../data-source';
import { ClaimRules, OutboxRepository, PaceContext } from './outbox.repository';
import { claimBillingRules } from '@relance/billing';

/** What the claim refuses or postpones, read under lock in its transaction, whatever the workflow knows. */
describe('the send claim re-checks the sequence state', () => {
  let dataSource: DataSource;
  let outbox: OutboxRepository;
  let ids: { accountId: string; campaignId: string; stepId: string; enrollmentId: string };

  const rules: ClaimRules = {
    decide: decideClaim,
    compose: composeMessage,
    suppressionKeys: () => ({ emailHash: 'none', domains: [] }),
    ...claimBillingRules(null, 0), // billing off: nothing held back
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
    ids = { accountId, campaignId: campaign.id, stepId: step.id, enrollmentId: enrollment.id };
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
    assert.deepEqual(claim, { kind: 'deferred', reason: 'out_of_office', until, queued: false });
    const [enrollment] = await dataSource.query(`SELECT waiting_reason, waiting_until FROM enrollments WHERE id = $1`, [ids.enrollmentId]);
    assert.deepEqual([enrollment.waiting_reason, enrollment.waiting_until], ['out_of_office', until], 'the enrollment says why it waits');
    await setEnrollment('paused_until', new Date(Date.now() - 1_000));
  });

  it('answers paused for a paused enrollment or campaign, stopped for a stopped campaign', async () => {
    await setEnrollment('status', 'paused');
    assert.deepEqual(await outbox.claim(ids.enrollmentId, ids.stepId, rules), { kind: 'paused', reason: 'paused_by_user' });
    await setEnrollment('status', 'active');
    await setCampaignStatus('paused');
    assert.deepEqual(await outbox.claim(ids.enrollmentId, ids.stepId, rules), { kind: 'paused', reason: 'campaign_paused' });
    await setCampaignStatus('stopped');
    assert.deepEqual(await outbox.claim(ids.enrollmentId, ids.stepId, rules), { kind: 'stopped', reason: 'campaign_stopped' });
    await setCampaignStatus('active');
  });

  it('answers replanned for a step an edit replaced before it was sent', async () => {
    await dataSource.query(`UPDATE steps SET retired_at = now() WHERE id = $1`, [ids.stepId]);
    assert.deepEqual(await outbox.claim(ids.enrollmentId, ids.stepId, rules), { kind: 'replanned' });
    await dataSource.query(`UPDATE steps SET retired_at = NULL WHERE id = $1`, [ids.stepId]);
  });

  it("reads each mailbox's own window and disabled flag, and answers paused while the mailbox is disabled", async () => {
    const [{ mailbox_id: mailboxId }] = await dataSource.query(`SELECT mailbox_id FROM campaign_mailboxes WHERE campaign_id = $1`, [
      ids.campaignId,
    ]);
    const hours = [{ start: '09:00', end: '10:00' }];
    await dataSource.query(`UPDATE mailboxes SET disabled = true, time_zone = 'Asia/Tokyo', sending_window = $2 WHERE id = $1`, [
      mailboxId, { days: [1], hours },
    ]);
    let seen: PaceContext | undefined;
    try {
      const claim = await outbox.claim(ids.enrollmentId, ids.stepId, {
        ...rules,
        pace: (context) => {
          seen = context;
          return decidePace({ now: new Date(), window: null, assignedMailboxId: null, mailboxes: context.mailboxes, heldSlot: null, random: Math.random });
        },
      });
      assert.deepEqual(claim, { kind: 'paused', reason: 'mailbox_disabled' });
      assert.deepEqual(seen?.mailboxes.map((m) => [m.disabled, m.window]), [[true, { timeZone: 'Asia/Tokyo', days: [1], hours }]]);
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM messages WHERE enrollment_id = $1`, [ids.enrollmentId]);
      assert.equal(n, 0, 'nothing written');
    } finally {
      await dataSource.query(`UPDATE mailboxes SET disabled = false, time_zone = 'UTC', sending_window = NULL WHERE id = $1`, [mailboxId]);
    }
  });

  it("stops for an address whose domain is on the account's suppression list, and writes nothing", async () => {
    const [entry] = await dataSource.query(
      `INSERT INTO suppressions (account_id, kind, domain, reason) VALUES ($1, 'domain', 'claims.test', 'manual') RETURNING id`,
      [ids.accountId],
    );
    try {
      const lookedUp: string[] = [];
      const claim = await outbox.claim(ids.enrollmentId, ids.stepId, {
        ...rules,
        suppressionKeys: (email) => {
          lookedUp.push(email);
          return { emailHash: 'none', domains: ['claims.test', 'test'] };
        },
      });
      assert.deepEqual(claim, { kind: 'stopped', reason: 'prospect_suppressed' });
      assert.deepEqual(lookedUp, ['p@claims.test'], "the prospect's address, read under lock");
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM messages WHERE enrollment_id = $1`, [ids.enrollmentId]);
      assert.equal(n, 0);
    } finally {
      await dataSource.query(`DELETE FROM suppressions WHERE id = $1`, [entry.id]);
    }
  });

  it('answers stopped for an enrollment that is gone', async () => {
    assert.deepEqual(await outbox.claim(randomUUID(), ids.stepId, rules), { kind: 'stopped', reason: 'enrollment_deleted' });
  });

  it('claims once the way is clear, and only once', async () => {
    const first = await outbox.claim(ids.enrollmentId, ids.stepId, rules);
    assert.equal(first.kind, 'claimed');
    const [enrollment] = await dataSource.query(`SELECT waiting_reason, waiting_until FROM enrollments WHERE id = $1`, [ids.enrollmentId]);
    assert.deepEqual([enrollment.waiting_reason, enrollment.waiting_until], [null, null], 'claimed: it no longer waits');
    const second = await outbox.claim(ids.enrollmentId, ids.stepId, rules);
    assert.equal(second.kind, 'existing');
  });

  it('claims a soft-bounced row again only for its due resend, and a released resend waits again', async () => {
    const resend = (attempt: number) => ({ attempt, messageIdFor: (id: string) => `<relance.${id}.r${attempt}@claims.test>` });
    const [row] = await dataSource.query(`SELECT id, message_id_header FROM messages WHERE enrollment_id = $1`, [ids.enrollmentId]);
    // Nothing bounced yet: a resend finds the row as it is.
    await dataSource.query(`UPDATE messages SET status = 'sent' WHERE id = $1`, [row.id]);
    assert.equal((await outbox.claim(ids.enrollmentId, ids.stepId, rules, resend(1))).kind, 'existing');
    // Bounced once, due in an hour: not yet.
    const dueAt = new Date(Date.now() + 3_600_000);
    await dataSource.query(`UPDATE messages SET soft_bounces = 1, resend_at = $2 WHERE id = $1`, [row.id, dueAt]);
    assert.deepEqual(await outbox.claim(ids.enrollmentId, ids.stepId, rules, resend(1)), { kind: 'deferred', reason: 'pending_resend', until: dueAt, queued: false });
    // Due, after the sequence completed: claimed with the attempt's Message-ID; an older attempt number is not.
    await dataSource.query(`UPDATE messages SET resend_at = now() - interval '1 second' WHERE id = $1`, [row.id]);
    await setEnrollment('status', 'completed');
    assert.equal((await outbox.claim(ids.enrollmentId, ids.stepId, rules, resend(2))).kind, 'existing');
    const claimed = await outbox.claim(ids.enrollmentId, ids.stepId, rules, resend(1));
    assert.equal(claimed.kind, 'claimed');
    const message = (claimed as { message: { id: string; status: string; messageIdHeader: string; resendAt: Date | null } }).message;
    assert.deepEqual([message.id, message.status, message.messageIdHeader, message.resendAt], [
      row.id, 'sending', `<relance.${row.id}.r1@claims.test>`, null,
    ]);
    assert.equal((await outbox.claim(ids.enrollmentId, ids.stepId, rules, resend(1))).kind, 'existing', 'only once');
    // The server refused before accepting it: the row, which records the first send, stays and waits again.
    await outbox.release(row.id);
    const [released] = await dataSource.query(`SELECT status, resend_at, soft_bounces FROM messages WHERE id = $1`, [row.id]);
    assert.deepEqual([released.status, released.resend_at !== null, released.soft_bounces], ['sent', true, 1]);
    assert.equal((await outbox.claim(ids.enrollmentId, ids.stepId, rules, resend(1))).kind, 'claimed');
    // A first send is never resent once its sequence has ended otherwise.
    await outbox.release(row.id);
    await setEnrollment('status', 'replied');
    assert.deepEqual(await outbox.claim(ids.enrollmentId, ids.stepId, rules, resend(1)), { kind: 'stopped', reason: 'enrollment_replied' });
  });

  it('holds a follow-up while an earlier email waits for its resend, within a limit', async () => {
    await setEnrollment('status', 'active');
    const [followUp] = await dataSource.query(
      `INSERT INTO steps (campaign_id, position, kind, subject, body) VALUES ($1, 2, 'email', 's2', 'b2') RETURNING id`, [ids.campaignId],
    );
    const setResendAt = (sql: string) =>
      dataSource.query(`UPDATE messages SET status = 'sent', resend_at = ${sql} WHERE enrollment_id = $1 AND step_id = $2`, [
        ids.enrollmentId, ids.stepId,
      ]);
    // The resend goes in a day: the follow-up waits for it.
    await setResendAt(`now() + interval '1 day'`);
    const [first] = await dataSource.query(`SELECT resend_at FROM messages WHERE step_id = $1`, [ids.stepId]);
    assert.deepEqual(await outbox.claim(ids.enrollmentId, followUp.id, rules), { kind: 'deferred', reason: 'pending_resend', until: first.resend_at, queued: false });
    // The resend is due but not gone (held by pacing): the follow-up looks again later.
    await setResendAt(`now() - interval '1 hour'`);
    const held = await outbox.claim(ids.enrollmentId, followUp.id, rules);
    assert.equal(held.kind, 'deferred');
    const until = (held as { until: Date }).until.getTime();
    assert.ok(until > Date.now() + 14 * 60_000 && until <= Date.now() + 15 * 60_000, `rechecks in 15 min, not ${new Date(until).toISOString()}`);
    // A resend overdue by days is not waited for: the sequence must not stall on it.
    await setResendAt(`now() - interval '3 days'`);
    assert.equal((await outbox.claim(ids.enrollmentId, followUp.id, rules)).kind, 'claimed');
  });
});
