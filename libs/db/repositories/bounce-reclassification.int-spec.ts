import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { createDatabase, dropDatabase } from '@relance/devservices';
import { classifyBounce } from '@relance/mail/classification/bounce-classifier';
import { accountWithMailbox } from '../../../tests/support/account-with-mailbox';
import { testEnv } from '../../../tests/harness/env';
import { createDataSource } from '../data-source';
import { runMigrations } from '../migrate';
import { AuditRepository } from './audit.repository';
import { reclassifyStoredBounces } from './bounce-reclassification';

/**
 * The migration that re-reads stored bounces, on a database of its own filled with rows as the
 * first-digit rule left them ("5.x.x but 5.2.2 is hard": suppressed, prospect bounced, no reason).
 */
describe('stored bounces read again by reason (real PostgreSQL)', () => {
  const name = `relance_reclassify_${process.pid}_${Date.now()}`;
  let dataSource: DataSource;
  let accountId: string;
  let mailboxId: string;
  let campaignIds: string[];
  const prospects: Record<string, string> = {};
  const bounces: Record<string, string> = {};
  let uid = 0;

  before(async () => {
    const url = await createDatabase(testEnv().adminDatabaseUrl, name);
    await runMigrations(url);
    dataSource = await createDataSource(url, { poolSize: 2 }).initialize();
    ({ accountId, mailboxId } = await accountWithMailbox(dataSource, 'Reclassify', 'reclassify.test'));
    campaignIds = [];
    for (const campaign of ['A', 'B']) {
      const [row] = await dataSource.query(`INSERT INTO campaigns (account_id, name, mailbox_id) VALUES ($1, $2, $3) RETURNING id`, [accountId, campaign, mailboxId]);
      await dataSource.query(`INSERT INTO steps (campaign_id, position, kind, subject, body) VALUES ($1, 0, 'email', 's', 'b')`, [row.id]);
      campaignIds.push(row.id);
    }
  });

  after(async () => {
    await dataSource?.destroy();
    await dropDatabase(testEnv().adminDatabaseUrl, name);
  });

  /** A prospect, sent one email per campaign given, as the old rule left a bounce of it (when `bounce`). */
  async function oldStyle(person: string, bounce: { status: string; diagnostic: string; campaign?: number } | null, prospectStatus?: string) {
    if (!prospects[person]) {
      const [row] = await dataSource.query(`INSERT INTO prospects (account_id, email) VALUES ($1, $2) RETURNING id`, [accountId, `${person}@prospect.test`]);
      prospects[person] = row.id;
    }
    const campaignId = campaignIds[bounce?.campaign ?? 0];
    const [enrollment] = await dataSource.query(
      `INSERT INTO enrollments (account_id, campaign_id, prospect_id, workflow_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [accountId, campaignId, prospects[person], `enrollment:${randomUUID()}`],
    );
    const [message] = await dataSource.query(
      `INSERT INTO messages (account_id, enrollment_id, step_id, mailbox_id, status, message_id_header, from_address, to_address, subject, body_text, claimed_at)
       SELECT $1, $2, s.id, $3, 'sent', $4, 'rep@reclassify.test', $5, 's', 'b', now() FROM steps s WHERE s.campaign_id = $6 RETURNING id`,
      [accountId, enrollment.id, mailboxId, `<${randomUUID()}@reclassify.test>`, `${person}@prospect.test`, campaignId],
    );
    if (!bounce) return;
    uid += 1;
    const [inbound] = await dataSource.query(
      `INSERT INTO inbound_messages (account_id, mailbox_id, imap_uid_validity, imap_uid, kind, in_reply_to_message_id, enrollment_id,
         subject, body_text, bounce_status, bounce_diagnostic)
       VALUES ($1, $2, '1', $3, 'bounce', $4, $5, 'Undelivered', '', $6, $7) RETURNING id`,
      [accountId, mailboxId, uid, message.id, enrollment.id, bounce.status, bounce.diagnostic],
    );
    bounces[`${person}${bounce.campaign ?? ''}`] = inbound.id;
    const hard = bounce.status.startsWith('5.') && bounce.status !== '5.2.2';
    if (!hard) return;
    await dataSource.query(`UPDATE enrollments SET status = 'bounced', stop_reason = 'hard_bounce', finished_at = now() WHERE id = $1`, [enrollment.id]);
    await dataSource.query(`UPDATE prospects SET status = $2 WHERE id = $1`, [prospects[person], prospectStatus ?? 'bounced']);
    await dataSource.query(
      `INSERT INTO suppressions (account_id, kind, email_hash, reason, source_message_id) VALUES ($1, 'email', $2, 'hard_bounce', $3)
       ON CONFLICT DO NOTHING`,
      [accountId, `hash:${person}`, message.id],
    );
  }

  const reasonOf = async (key: string) =>
    (await dataSource.query(`SELECT bounce_reason, bounce_status, bounce_raw_status FROM inbound_messages WHERE id = $1`, [bounces[key]]))[0];
  const suppressedPeople = async () =>
    (await dataSource.query(`SELECT email_hash FROM suppressions WHERE account_id = $1 ORDER BY email_hash`, [accountId]))
      .map((row: { email_hash: string }) => row.email_hash.replace('hash:', ''));
  const statusOf = async (person: string) => (await dataSource.query(`SELECT status FROM prospects WHERE id = $1`, [prospects[person]]))[0].status;

  it('keeps what says the recipient is gone, lifts the rest with an audit entry each, and counts', async () => {
    await oldStyle('gone', { status: '5.1.1', diagnostic: '550 5.1.1 <gone@prospect.test>: Recipient address rejected: User unknown in virtual mailbox table' });
    await oldStyle('generic', { status: '5.0.0', diagnostic: "550 5.1.1 The email account that you tried to reach does not exist." });
    await oldStyle('listed', { status: '5.7.1', diagnostic: '554 5.7.1 Service unavailable; Client host [192.0.2.10] blocked using zen.spamhaus.org' });
    await oldStyle('dmarc', { status: '5.7.26', diagnostic: "550 5.7.26 Unauthenticated email from seller.test is not accepted due to domain's DMARC policy" });
    await oldStyle('full', { status: '5.2.2', diagnostic: '552 5.2.2 Mailbox full' });
    await oldStyle('big', { status: '5.3.4', diagnostic: '552 5.3.4 Message size exceeds fixed maximum message size' });
    await oldStyle('delayed', { status: '4.4.7', diagnostic: 'delivery temporarily suspended: connect to mx.prospect.test timed out' });
    // Refused for the sender's reputation, but has since unsubscribed: the entry now says that too.
    await oldStyle('unsubscribed', { status: '5.7.1', diagnostic: '550 5.7.1 Message rejected due to poor sender reputation' }, 'unsubscribed');
    // Refused by a policy in campaign A (the entry's source), unknown in campaign B: still gone.
    await oldStyle('twice', { status: '5.7.1', diagnostic: '550 5.7.1 Message rejected due to local policy' });
    await oldStyle('twice', { status: '5.1.1', diagnostic: '550 5.1.1 No such user here', campaign: 1 });
    // An entry of the old rule whose email was since erased: nothing ties it to a bounce any more.
    await dataSource.query(`INSERT INTO suppressions (account_id, kind, email_hash, reason) VALUES ($1, 'email', 'hash:erased', 'hard_bounce')`, [accountId]);
    assert.deepEqual(await suppressedPeople(), ['big', 'dmarc', 'erased', 'generic', 'gone', 'listed', 'twice', 'unsubscribed']);

    const audit = new AuditRepository(dataSource);
    const run = () => dataSource.transaction((manager) => reclassifyStoredBounces(manager, classifyBounce, (entry, m) => audit.append(entry, m)));
    const counts = await run();
    assert.deepEqual(counts, { reread: 10, changed: 10, lifted: 3, restored: 3 });

    assert.deepEqual(await reasonOf('gone'), { bounce_reason: 'user_unknown', bounce_status: '5.1.1', bounce_raw_status: null });
    assert.deepEqual(await reasonOf('generic'), { bounce_reason: 'user_unknown', bounce_status: '5.1.1', bounce_raw_status: '5.0.0' });
    assert.equal((await reasonOf('listed')).bounce_reason, 'blocked_blacklist');
    assert.equal((await reasonOf('dmarc')).bounce_reason, 'authentication_failed');
    assert.equal((await reasonOf('full')).bounce_reason, 'mailbox_full');
    assert.equal((await reasonOf('big')).bounce_reason, 'message_too_big');
    assert.equal((await reasonOf('twice1')).bounce_reason, 'user_unknown');
    assert.deepEqual(await suppressedPeople(), ['erased', 'generic', 'gone', 'twice', 'unsubscribed']);
    assert.deepEqual(
      [await statusOf('listed'), await statusOf('dmarc'), await statusOf('big'), await statusOf('gone'), await statusOf('unsubscribed')],
      ['active', 'active', 'active', 'bounced', 'unsubscribed'],
    );

    const events = await dataSource.query(
      `SELECT actor_kind, action, target_type, account_id, reason, details FROM audit_events WHERE action = 'suppression.lifted' ORDER BY reason`,
    );
    assert.equal(events.length, 3);
    for (const event of events) {
      assert.deepEqual([event.actor_kind, event.action, event.target_type, event.account_id], ['system', 'suppression.lifted', 'suppression', accountId]);
      assert.equal(event.details.prospectRestored, true);
    }
    assert.deepEqual(
      events.map((event: { details: { bounceReason: string } }) => event.details.bounceReason).sort(),
      ['authentication_failed', 'blocked_blacklist', 'message_too_big'],
    );
    assert.match(events[0].reason, /^bounce reread as \w+ \((sender_problem|retry)\): only a recipient gone/);

    assert.deepEqual(await run(), { reread: 10, changed: 0, lifted: 0, restored: 0 }, 'a second run changes nothing');
  });
});
