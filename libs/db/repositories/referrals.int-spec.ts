import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { bootstrapAccount } from '../../../apps/api/src/auth/bootstrap-account';
import { loadConfig } from '@relance/config';
import { createDataSource } from '../data-source';
import { InboundRepository, type InboundOutcome, type InboundRecord } from './inbound.repository';
import { ProspectSuggestionRepository } from './prospect-suggestion.repository';
import { StatsRepository } from './stats.repository';
import { SuppressionRepository } from './suppression.repository';

const hashEmail = (email: string) => `hash:${email}`;

/**
 * Referrals on PostgreSQL: what recording one does (a reply in the stats, the departed prospect's
 * sequences ended as left_company, the colleague suggested), what it never does (stop the
 * colleagues, suggest a suppressed address or a known prospect), and accepting or dismissing.
 */
describe('Referrals and prospect suggestions (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let inbound: InboundRepository;
  let suggestions: ProspectSuggestionRepository;
  let accountId: string;
  let otherAccountId: string;
  let mailboxId: string;
  let campaignA: string;
  let campaignB: string;
  let uid = 0;
  const people: Record<string, { prospectId: string; enrollmentId: string; header: string; inB?: string }> = {};

  before(async () => {
    dataSource = await createDataSource(loadConfig().database.url, { poolSize: 2 }).initialize();
    inbound = new InboundRepository(dataSource, new SuppressionRepository(dataSource));
    suggestions = new ProspectSuggestionRepository(dataSource);
    ({ accountId } = await bootstrapAccount(dataSource, { accountName: 'Referrals', ownerEmail: 'o@referrals.test', ownerName: 'O' }));
    ({ accountId: otherAccountId } = await bootstrapAccount(dataSource, { accountName: 'Other', ownerEmail: 'o@other.test', ownerName: 'O' }));
    mailboxId = randomUUID();
    await dataSource.query(
      `INSERT INTO mailboxes (id, account_id, email, smtp_host, smtp_port, smtp_username, imap_host, imap_port, imap_username)
       VALUES ($1, $2, 'rep@seller.test', '127.0.0.1', 1, 'u', '127.0.0.1', 1, 'u')`,
      [mailboxId, accountId],
    );
    const campaign = async (name: string) => {
      // A reply here would stop everyone at the same company: a referral must not.
      const [row] = await dataSource.query(
        `INSERT INTO campaigns (account_id, name, mailbox_id, status, stop_on_company_reply) VALUES ($1, $2, $3, 'active', true) RETURNING id`,
        [accountId, name, mailboxId],
      );
      const [step] = await dataSource.query(
        `INSERT INTO steps (campaign_id, position, kind, subject, body) VALUES ($1, 0, 'email', 'Hi', 'Hello') RETURNING id`, [row.id],
      );
      return { id: row.id as string, stepId: step.id as string };
    };
    const a = await campaign('A');
    const b = await campaign('B');
    campaignA = a.id;
    campaignB = b.id;
    const enrollAndSend = async (c: { id: string; stepId: string }, prospectId: string, email: string) => {
      const [enrollment] = await dataSource.query(
        `INSERT INTO enrollments (account_id, campaign_id, prospect_id, workflow_id) VALUES ($1, $2, $3, 'enrollment:' || gen_random_uuid())
         RETURNING id`,
        [accountId, c.id, prospectId],
      );
      const header = `<relance.${randomUUID()}@seller.test>`;
      await dataSource.query(
        `INSERT INTO messages (account_id, enrollment_id, step_id, mailbox_id, status, message_id_header, from_address, to_address,
           subject, body_text, claimed_at, sent_at)
         VALUES ($1, $2, $3, $4, 'sent', $5, 'rep@seller.test', $6, 'Hi', 'Hello', now(), now())`,
        [accountId, enrollment.id, c.stepId, mailboxId, header, email],
      );
      return { enrollmentId: enrollment.id as string, header };
    };
    for (const person of ['jane', 'peer', 'known', 'blocked', 'walled', 'twice']) {
      const email = `${person}@prospect.test`;
      const [prospect] = await dataSource.query(
        `INSERT INTO prospects (account_id, email, company) VALUES ($1, $2, 'Prospect Ltd') RETURNING id`, [accountId, email],
      );
      people[person] = { prospectId: prospect.id, ...(await enrollAndSend(a, prospect.id, email)) };
    }
    people.jane.inB = (await enrollAndSend(b, people.jane.prospectId, 'jane@prospect.test')).enrollmentId;
    await dataSource.query(`INSERT INTO prospects (account_id, email) VALUES ($1, 'already@prospect.test')`, [accountId]);
    await dataSource.query(
      `INSERT INTO suppressions (account_id, kind, email_hash, reason) VALUES ($1, 'email', $2, 'manual')`,
      [accountId, hashEmail('unwanted@prospect.test')],
    );
    await dataSource.query(`INSERT INTO suppressions (account_id, kind, domain, reason) VALUES ($1, 'domain', 'walled.test', 'manual')`, [
      accountId,
    ]);
  });

  after(async () => {
    await dataSource?.destroy();
  });

  function referral(person: string, colleague: { address: string; name: string | null }, from = 'bob@prospect.test'): InboundRecord {
    uid += 1;
    const outcome: InboundOutcome = { kind: 'referral', colleague };
    return {
      mailboxId, uidValidity: '9', uid, messageIdHeader: `<ref-${uid}@prospect.test>`, candidateMessageIds: [people[person].header],
      fromAddress: from, toAddresses: ['rep@seller.test'], subject: 'Re: Hi', bodyText: 'She left, I took over.',
      quotedText: '> Hello', receivedAt: new Date(), outcome,
    };
  }
  const enrollment = async (id: string) => (await dataSource.query(`SELECT status, stop_reason FROM enrollments WHERE id = $1`, [id]))[0];
  const suggestionsFor = (departed: string) =>
    dataSource.query(`SELECT * FROM prospect_suggestions WHERE departed_prospect_id = $1`, [people[departed].prospectId]);
  const sorted = (effect: unknown) => {
    const e = effect as { kind: string; enrollmentIds?: string[] };
    return { ...e, enrollmentIds: [...(e.enrollmentIds ?? [])].sort() };
  };

  it("stores a reply marked referral, ends the departed prospect's sequences as left_company, keeps colleagues going, suggests once", async () => {
    const message = referral('jane', { address: 'Paul.Martin@Prospect.test', name: 'Paul Martin' });
    const first = await inbound.recordInbound(message, hashEmail);
    const ended = { kind: 'stopped', enrollmentIds: [people.jane.enrollmentId, people.jane.inB!].sort(), reason: 'left_company' };
    assert.deepEqual(sorted(first?.effect), ended);
    for (const id of [people.jane.enrollmentId, people.jane.inB!]) {
      assert.deepEqual(await enrollment(id), { status: 'stopped', stop_reason: 'left_company' });
    }
    // Not a reply from Jane: her status stays, no 'prospect_replied' or 'company_replied' stop.
    assert.deepEqual(await enrollment(people.peer.enrollmentId), { status: 'active', stop_reason: null });
    const [prospect] = await dataSource.query(`SELECT status FROM prospects WHERE id = $1`, [people.jane.prospectId]);
    assert.equal(prospect.status, 'active');
    const [stored] = await dataSource.query(`SELECT kind, referral FROM inbound_messages WHERE id = $1`, [first?.inboundMessageId]);
    assert.deepEqual(stored, { kind: 'reply', referral: true });

    const [suggestion] = await suggestionsFor('jane');
    assert.deepEqual(
      [suggestion.account_id, suggestion.campaign_id, suggestion.source_inbound_message_id, suggestion.email, suggestion.name, suggestion.status],
      [accountId, campaignA, first?.inboundMessageId, 'paul.martin@prospect.test', 'Paul Martin', 'pending'],
    );

    // Read again after a crash: the same stops are reported, nothing is suggested twice.
    const again = await inbound.recordInbound(message, hashEmail);
    assert.equal(again?.isNew, false);
    assert.deepEqual(sorted(again?.effect), ended);
    assert.equal((await suggestionsFor('jane')).length, 1);
  });

  it("counts the referral as a reply in the campaign's stats", async () => {
    const stats = new StatsRepository(dataSource);
    const prospects = await stats.countProspects(accountId, campaignA);
    assert.equal(prospects.replied, 1);
    const [variant] = (await stats.countByStepAndVariant(accountId, campaignA));
    assert.equal(variant.replied, 1);
    assert.equal((await stats.countProspects(accountId, campaignB)).replied, 0, 'campaign B had no answer: it only stopped');
  });

  it('suggests no address the account suppresses (itself or its domain), already has, or already has pending', async () => {
    await inbound.recordInbound(referral('known', { address: 'already@prospect.test', name: null }), hashEmail);
    await inbound.recordInbound(referral('blocked', { address: 'unwanted@prospect.test', name: null }), hashEmail);
    await inbound.recordInbound(referral('walled', { address: 'ann@eu.walled.test', name: null }), hashEmail);
    await inbound.recordInbound(referral('twice', { address: 'paul.martin@prospect.test', name: 'Paul' }), hashEmail);
    for (const person of ['known', 'blocked', 'walled', 'twice']) {
      assert.deepEqual(await suggestionsFor(person), [], `no suggestion from ${person}'s referral`);
      assert.deepEqual(await enrollment(people[person].enrollmentId), { status: 'stopped', stop_reason: 'left_company' });
    }
  });

  it('lists the pending suggestions of the account, newest first, and no other account sees them', async () => {
    const page = await suggestions.listPage(accountId, { limit: 10, status: 'pending' });
    assert.deepEqual(page?.items.map((s) => s.email), ['paul.martin@prospect.test']);
    assert.deepEqual((await suggestions.listPage(otherAccountId, { limit: 10 }))?.items, []);
    assert.equal(await suggestions.listPage(otherAccountId, { limit: 10, afterId: page!.items[0].id }), null, 'a cursor of another account');
  });

  it('accepts in one transaction: the prospect with the departed company, enrolled in the same campaign; twice is refused', async () => {
    const [pending] = await suggestionsFor('jane');
    assert.deepEqual(await suggestions.accept(otherAccountId, pending.id, { enroll: true, ownerId: null }, hashEmail), { kind: 'not_found' });
    const result = await suggestions.accept(accountId, pending.id, { enroll: true, ownerId: null }, hashEmail);
    assert.equal(result.kind, 'accepted');
    if (result.kind !== 'accepted') return;
    const [prospect] = await dataSource.query(`SELECT * FROM prospects WHERE id = $1`, [result.prospectId]);
    assert.deepEqual(
      [prospect.email, prospect.first_name, prospect.last_name, prospect.company, prospect.status],
      ['paul.martin@prospect.test', 'Paul', 'Martin', 'Prospect Ltd', 'active'],
    );
    const [made] = await dataSource.query(`SELECT campaign_id, prospect_id, status, workflow_id FROM enrollments WHERE id = $1`, [
      result.enrollment?.id,
    ]);
    assert.deepEqual(made, { campaign_id: campaignA, prospect_id: result.prospectId, status: 'active', workflow_id: `enrollment:${result.enrollment?.id}` });
    assert.deepEqual(
      [result.suggestion.status, result.suggestion.createdProspectId, result.suggestion.enrollmentId],
      ['accepted', result.prospectId, result.enrollment?.id],
    );
    const twice = await suggestions.accept(accountId, pending.id, { enroll: true, ownerId: null }, hashEmail);
    assert.deepEqual(twice.kind === 'refused' && twice.reason, 'already_decided');
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM prospects WHERE email = 'paul.martin@prospect.test'`);
    assert.equal(n, 1);
  });

  it('refuses a suppressed address, a campaign that no longer sends, and creates nothing then; dismisses once', async () => {
    const insert = async (email: string) => {
      const [row] = await dataSource.query(
        `INSERT INTO prospect_suggestions (account_id, campaign_id, departed_prospect_id, email) VALUES ($1, $2, $3, $4) RETURNING id`,
        [accountId, campaignB, people.jane.prospectId, email],
      );
      return row.id as string;
    };
    // Suppressed after it was suggested (an unsubscribe from another campaign, a rep's entry).
    const suppressed = await insert('later@walled.test');
    const refused = await suggestions.accept(accountId, suppressed, { enroll: true, ownerId: null }, hashEmail);
    assert.equal(refused.kind === 'refused' && refused.reason, 'suppressed');

    const closed = await insert('ines@prospect.test');
    await dataSource.query(`UPDATE campaigns SET status = 'stopped' WHERE id = $1`, [campaignB]);
    const late = await suggestions.accept(accountId, closed, { enroll: true, ownerId: null }, hashEmail);
    assert.equal(late.kind === 'refused' && late.reason, 'campaign_closed');
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM prospects WHERE email IN ('later@walled.test', 'ines@prospect.test')`);
    assert.equal(n, 0, 'a refusal creates nobody');
    const without = await suggestions.accept(accountId, closed, { enroll: false, ownerId: null }, hashEmail);
    assert.equal(without.kind === 'accepted' && without.enrollment, null, 'accepted without enrolling');

    const dismissed = await suggestions.dismiss(accountId, suppressed);
    assert.deepEqual([dismissed?.changed, dismissed?.suggestion.status], [true, 'dismissed']);
    assert.deepEqual([(await suggestions.dismiss(accountId, suppressed))?.changed], [false]);
    assert.equal(await suggestions.dismiss(otherAccountId, suppressed), null);
  });
});
