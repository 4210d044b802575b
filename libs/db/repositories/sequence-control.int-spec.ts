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

  /** A running campaign with `sent` emails sent, `hard` of them hard-bounced and `soft` soft-bounced. */
  async function campaignWith(sent: number, hard: number, soft = 0): Promise<string> {
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
    const bounce = (messageId: string, status: string, uid: number) =>
      dataSource.query(
        `INSERT INTO inbound_messages (account_id, mailbox_id, imap_uid_validity, imap_uid, kind, in_reply_to_message_id,
                                       subject, body_text, bounce_status)
         VALUES ($1, $2, $3, $4, 'bounce', $5, 'Undelivered', '', $6)`,
        [accountId, mailboxId, campaign.id, uid, messageId, status],
      );
    for (let i = 0; i < hard; i++) await bounce(messages[i].id, '5.1.1', i);
    for (let i = 0; i < soft; i++) await bounce(messages[hard + i].id, '4.2.2', hard + i);
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
    const under = await campaignWith(60, 4, 10);
    assert.equal(await controls.pauseIfBouncing(under), null, 'soft bounces do not count');
    assert.equal((await statusOf(under)).status, 'active');
    const early = await campaignWith(20, 10);
    assert.equal(await controls.pauseIfBouncing(early), null);
    assert.equal((await statusOf(early)).status, 'active');
  });

  it("a rep's resume clears the reason", async () => {
    const id = await campaignWith(50, 10);
    assert.ok(await controls.pauseIfBouncing(id));
    assert.equal(await controls.controlCampaign(accountId, id, 'resume'), 'changed');
    assert.deepEqual(await statusOf(id), { status: 'active', pause_reason: null });
  });
});
