import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { accountWithMailbox } from '../../../tests/support/account-with-mailbox';
import { loadConfig } from '@relance/config';
import { createDataSource } from '../data-source';
import { SequenceControlRepository } from './sequence-control.repository';

/** The bounce guard on real PostgreSQL: the campaign pauses itself past its limit, and says why. */
describe('a campaign pauses itself when too many emails bounce', () => {
  let dataSource: DataSource;
  let controls: SequenceControlRepository;
  let accountId: string;
  let mailboxId: string;

  before(async () => {
    dataSource = await createDataSource(loadConfig().database.url, { poolSize: 2 }).initialize();
    controls = new SequenceControlRepository(dataSource);
    ({ accountId, mailboxId } = await accountWithMailbox(dataSource, 'Bounces', 'bounces.test'));
  });

  after(async () => {
    await dataSource?.destroy();
  });

  /**
   * A running campaign with `sent` emails sent: `hard` of them bounced for a recipient gone,
   * `soft` for a full mailbox, `sender` refused for the sender's reputation (5.7.1, hard under
   * the old first-digit rule), and `complaints` complained about.
   */
  async function campaignWith(sent: number, hard: number, soft = 0, sender = 0, complaints = 0): Promise<string> {
    const [campaign] = await dataSource.query(
      `INSERT INTO campaigns (account_id, name, mailbox_id, status) VALUES ($1, 'c', $2, 'active') RETURNING id`, [accountId, mailboxId],
    );
    const [step] = await dataSource.query(
      `INSERT INTO steps (campaign_id, position, kind, subject, body) VALUES ($1, 0, 'email', 's', 'b') RETURNING id`, [campaign.id],
    );
    const messages: { id: string }[] = await dataSource.query(
      `WITH p AS (INSERT INTO prospects (account_id, email) SELECT $1, $2 || n || '@x.test' FROM generate_series(1, $3) n RETURNING id),
            e AS (INSERT INTO enrollments (account_id, campaign_id, prospect_id, workflow_id)
                  SELECT $1, $4, p.id, 'enrollment:' || p.id FROM p RETURNING id)
       INSERT INTO messages (account_id, enrollment_id, step_id, mailbox_id, status, message_id_header, from_address,
                             to_address, subject, body_text, claimed_at)
       SELECT $1, e.id, $5, $6, 'sent', '<' || e.id || '@bounces.test>', 'rep@bounces.test', 'p@x.test', 's', 'b', now()
       FROM e RETURNING id`,
      [accountId, randomUUID(), sent, campaign.id, step.id, mailboxId],
    );
    const report = (messageId: string, uid: number, kind: string, status: string | null, reason: string | null) =>
      dataSource.query(
        `INSERT INTO inbound_messages (account_id, mailbox_id, imap_uid_validity, imap_uid, kind, in_reply_to_message_id,
                                       subject, body_text, bounce_status, bounce_reason)
         VALUES ($1, $2, $3, $4, $5, $6, 'Undelivered', '', $7, $8)`,
        [accountId, mailboxId, campaign.id, uid, kind, messageId, status, reason],
      );
    let next = 0;
    const add = async (count: number, kind: string, status: string | null, reason: string | null) => {
      for (let i = 0; i < count; i++, next++) await report(messages[next].id, next, kind, status, reason);
    };
    await add(hard, 'bounce', '5.1.1', 'user_unknown');
    await add(soft, 'bounce', '5.2.2', 'mailbox_full');
    await add(sender, 'bounce', '5.7.1', 'blocked_reputation');
    await add(complaints, 'complaint', null, null);
    return campaign.id;
  }

  const statusOf = async (id: string) =>
    (await dataSource.query(`SELECT status, pause_reason FROM campaigns WHERE id = $1`, [id]))[0];

  it('pauses past 8 % of hard bounces after 50 sends, saying so', async () => {
    const id = await campaignWith(60, 5);
    const reason = await controls.pauseIfBouncing(id);
    assert.equal(reason, 'bounce rate 8.3% (5 of 60 emails) passed the limit of 8.0%');
    assert.deepEqual(await statusOf(id), { status: 'paused', pause_reason: reason });
  });

  it('keeps going at or under the limit, and before enough sends', async () => {
    const under = await campaignWith(60, 4, 10, 10);
    assert.equal(await controls.pauseIfBouncing(under), null, 'full mailboxes and refusals of the sender do not count');
    assert.equal((await statusOf(under)).status, 'active');
    const early = await campaignWith(20, 10);
    assert.equal(await controls.pauseIfBouncing(early), null);
    assert.equal((await statusOf(early)).status, 'active');
  });

  it('pauses on its own complaint limit (0.3 % after 50 sends), counting complaints only', async () => {
    const id = await campaignWith(300, 0, 0, 0, 1);
    assert.equal(await controls.pauseIfBouncing(id), null, 'a complaint is not a bounce');
    assert.equal(await controls.pauseIfComplaining(id), 'complaint rate 0.33% (1 of 300 emails) passed the limit of 0.30%');
    assert.equal((await statusOf(id)).status, 'paused');
    const raised = await campaignWith(300, 0, 0, 0, 1);
    await dataSource.query(`UPDATE campaigns SET complaint_rate_limit = 0.005 WHERE id = $1`, [raised]);
    assert.equal(await controls.pauseIfComplaining(raised), null, 'under a limit raised to 0.5 %');
    const under = await campaignWith(400, 10, 0, 0, 1);
    assert.equal(await controls.pauseIfComplaining(under), null, '0.25 %, bounces aside');
    const early = await campaignWith(40, 0, 0, 0, 3);
    assert.equal(await controls.pauseIfComplaining(early), null, 'before complaint_rate_min_sends');
    for (const quiet of [raised, under, early]) assert.equal((await statusOf(quiet)).status, 'active');
  });

  it("a rep's resume clears the reason", async () => {
    const id = await campaignWith(50, 10);
    assert.ok(await controls.pauseIfBouncing(id));
    assert.equal(await controls.controlCampaign(accountId, id, 'resume'), 'changed');
    assert.deepEqual(await statusOf(id), { status: 'active', pause_reason: null });
  });
});
