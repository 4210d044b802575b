import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { bootstrapAccount } from '../../../apps/api/src/auth/bootstrap-account';
import { loadConfig } from '@relance/config';
import { createDataSource } from '../data-source';
import { InboundRepository, type InboundOutcome, type InboundRecord } from './inbound.repository';
import { SuppressionRepository } from './suppression.repository';
import type { BounceReason } from '@relance/mail/classification/bounce-reasons';
import { BOUNCE_EFFECT } from '@relance/mail/classification/bounce-reasons';

/** A bounce outcome as inboundOutcome builds it from the classifier's verdict. */
function bounceOf(reason: BounceReason, status: string, diagnostic: string | null, extra: Partial<Extract<InboundOutcome, { kind: 'bounce' }>> = {}): InboundOutcome {
  return { kind: 'bounce', reason, effect: BOUNCE_EFFECT[reason], status, rawStatus: null, diagnostic, ...extra };
}

const hashEmail = (email: string) => `hash:${email}`;

/**
 * What recording an inbound message does to the sequence, on PostgreSQL: each kind's effect in
 * the transaction that stores it, nothing twice when the same IMAP message is read again, and
 * the effect reported again so lost signals can be resent.
 */
describe('InboundRepository (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let inbound: InboundRepository;
  let accountId: string;
  let mailboxId: string;
  /** Message-ID header and enrollment of each person's first email, in campaign A. */
  const sent: Record<string, { header: string; enrollmentId: string; prospectId: string; messageId: string; stepId: string }> = {};
  let campaignA: string;
  let goneInB: string;
  let leaverInB: string;
  let complainerInB: string;
  let uid = 0;

  before(async () => {
    dataSource = await createDataSource(loadConfig().database.url, { poolSize: 2 }).initialize();
    inbound = new InboundRepository(dataSource, new SuppressionRepository(dataSource));
    ({ accountId } = await bootstrapAccount(dataSource, { accountName: 'Inbound', ownerEmail: 'o@inbound.test', ownerName: 'O' }));
    mailboxId = randomUUID();
    await dataSource.query(
      `INSERT INTO mailboxes (id, account_id, email, smtp_host, smtp_port, smtp_username, imap_host, imap_port, imap_username)
       VALUES ($1, $2, 'rep@seller.test', '127.0.0.1', 1, 'u', '127.0.0.1', 1, 'u')`,
      [mailboxId, accountId],
    );
    const campaign = async (name: string) => {
      const [row] = await dataSource.query(
        `INSERT INTO campaigns (account_id, name, mailbox_id) VALUES ($1, $2, $3) RETURNING id`, [accountId, name, mailboxId],
      );
      const [step] = await dataSource.query(
        `INSERT INTO steps (campaign_id, position, kind, subject, body) VALUES ($1, 0, 'email', 'Hi', 'Hello') RETURNING id`, [row.id],
      );
      return { id: row.id as string, stepId: step.id as string };
    };
    const a = await campaign('A');
    const b = await campaign('B');
    campaignA = a.id;
    const enrollAndSend = async (c: { id: string; stepId: string }, prospectId: string, email: string, status = 'sent') => {
      const [enrollment] = await dataSource.query(
        `INSERT INTO enrollments (account_id, campaign_id, prospect_id, workflow_id) VALUES ($1, $2, $3, 'enrollment:' || gen_random_uuid())
         RETURNING id`,
        [accountId, c.id, prospectId],
      );
      const header = `<relance.${randomUUID()}@seller.test>`;
      const [message] = await dataSource.query(
        `INSERT INTO messages (account_id, enrollment_id, step_id, mailbox_id, status, message_id_header, from_address, to_address,
           subject, body_text, claimed_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'rep@seller.test', $7, 'Hi', 'Hello', now()) RETURNING id`,
        [accountId, enrollment.id, c.stepId, mailboxId, status, header, email],
      );
      return { header, enrollmentId: enrollment.id as string, prospectId, messageId: message.id as string, stepId: c.stepId };
    };
    for (const person of ['gone', 'away', 'full', 'replier', 'unsent', 'leaver', 'blocked', 'blocked2', 'blocked3', 'complainer', 'mystery']) {
      const email = `${person}@prospect.test`;
      const [prospect] = await dataSource.query(`INSERT INTO prospects (account_id, email) VALUES ($1, $2) RETURNING id`, [accountId, email]);
      sent[person] = await enrollAndSend(a, prospect.id, email, person === 'unsent' ? 'unknown' : 'sent');
    }
    goneInB = (await enrollAndSend(b, sent.gone.prospectId, 'gone@prospect.test')).enrollmentId;
    leaverInB = (await enrollAndSend(b, sent.leaver.prospectId, 'leaver@prospect.test')).enrollmentId;
    complainerInB = (await enrollAndSend(b, sent.complainer.prospectId, 'complainer@prospect.test')).enrollmentId;
    // Stored as prospects are: the domain in its ASCII form (bücher.test).
    const [idn] = await dataSource.query(
      `INSERT INTO prospects (account_id, email) VALUES ($1, 'umlaut@xn--bcher-kva.test') RETURNING id`, [accountId],
    );
    sent.umlaut = await enrollAndSend(a, idn.id, 'umlaut@xn--bcher-kva.test');
  });

  after(async () => {
    await dataSource?.destroy();
  });

  function record(person: string, outcome: InboundOutcome, overrides: Partial<InboundRecord> = {}): InboundRecord {
    uid += 1;
    return {
      mailboxId, uidValidity: '7', uid, messageIdHeader: `<in-${uid}@prospect.test>`, candidateMessageIds: [sent[person].header],
      fromAddress: `${person}@prospect.test`, toAddresses: ['rep@seller.test'], subject: 'Re: Hi', bodyText: 'Text',
      quotedText: '> Hello', receivedAt: new Date(), outcome, ...overrides,
    };
  }
  const enrollment = async (id: string) => (await dataSource.query(`SELECT * FROM enrollments WHERE id = $1`, [id]))[0];
  const prospectStatus = async (person: string) =>
    (await dataSource.query(`SELECT status FROM prospects WHERE id = $1`, [sent[person].prospectId]))[0].status;
  const suppressionsOf = (email: string) =>
    dataSource.query(`SELECT reason, source_message_id FROM suppressions WHERE account_id = $1 AND email_hash = $2`, [accountId, hashEmail(email)]);
  const inboundRows = (person: string) =>
    dataSource.query(`SELECT * FROM inbound_messages WHERE enrollment_id = $1 ORDER BY imap_uid`, [sent[person].enrollmentId]);

  it('ends every running sequence to a hard-bounced address, marks the prospect and suppresses it, once', async () => {
    const bounce = record('gone', bounceOf('user_unknown', '5.1.1', '550 5.1.1 User unknown', { rawStatus: '5.0.0' }));
    const first = await inbound.recordInbound(bounce, hashEmail);
    const again = await inbound.recordInbound(bounce, hashEmail);
    assert.equal(first?.isNew, true);
    assert.equal(again?.isNew, false);
    assert.equal(again?.inboundMessageId, first?.inboundMessageId);
    for (const result of [first, again]) {
      assert.equal(result?.effect.kind, 'bounced');
      const ids = result?.effect.kind === 'bounced' ? result.effect.enrollmentIds : [];
      assert.deepEqual(new Set(ids), new Set([sent.gone.enrollmentId, goneInB]));
    }
    for (const id of [sent.gone.enrollmentId, goneInB]) {
      const row = await enrollment(id);
      assert.deepEqual([row.status, row.stop_reason], ['bounced', 'hard_bounce']);
    }
    assert.equal(await prospectStatus('gone'), 'bounced');
    assert.deepEqual(await suppressionsOf('gone@prospect.test'), [{ reason: 'hard_bounce', source_message_id: sent.gone.messageId }]);
    const rows = await inboundRows('gone');
    assert.equal(rows.length, 1);
    assert.deepEqual(
      [rows[0].kind, rows[0].bounce_status, rows[0].bounce_raw_status, rows[0].bounce_reason, rows[0].bounce_diagnostic, rows[0].in_reply_to_message_id],
      ['bounce', '5.1.1', '5.0.0', 'user_unknown', '550 5.1.1 User unknown', sent.gone.messageId],
    );
  });

  it('holds the next email on an auto-reply, a later one moving the date, and reports the hold again on a re-read', async () => {
    const back = new Date(Date.now() + 3 * 86_400_000);
    const autoReply = record('away', { kind: 'auto_reply', returnDate: back, pauseUntil: back });
    const first = await inbound.recordInbound(autoReply, hashEmail);
    assert.deepEqual(first?.effect, { kind: 'paused', enrollmentId: sent.away.enrollmentId, until: back });
    assert.deepEqual((await inbound.recordInbound(autoReply, hashEmail))?.effect, first?.effect);
    const row = await enrollment(sent.away.enrollmentId);
    assert.deepEqual([row.status, row.paused_until?.toISOString()], ['active', back.toISOString()]);
    assert.equal(await prospectStatus('away'), 'active');

    const later = new Date(back.getTime() + 86_400_000);
    await inbound.recordInbound(record('away', { kind: 'auto_reply', returnDate: later, pauseUntil: later }), hashEmail);
    assert.equal((await enrollment(sent.away.enrollmentId)).paused_until.toISOString(), later.toISOString());

    const receipt = await inbound.recordInbound(record('away', { kind: 'auto_reply', returnDate: null, pauseUntil: null }), hashEmail);
    assert.deepEqual(receipt?.effect, { kind: 'none' });
    assert.equal((await enrollment(sent.away.enrollmentId)).paused_until.toISOString(), later.toISOString());
    const rows = await inboundRows('away');
    assert.deepEqual(rows.map((r: any) => r.kind), ['auto_reply', 'auto_reply', 'auto_reply']);
    assert.equal(rows[0].auto_reply_until.toISOString(), back.toISOString());
    assert.equal(rows[2].auto_reply_until, null);
  });

  it('only stores a soft bounce that is a delay', async () => {
    const soft = record('full', bounceOf('mailbox_full', '4.2.2', '452 4.2.2 Mailbox full'));
    assert.deepEqual((await inbound.recordInbound(soft, hashEmail))?.effect, { kind: 'none' });
    assert.deepEqual((await inbound.recordInbound(soft, hashEmail))?.effect, { kind: 'none' });
    assert.deepEqual([(await enrollment(sent.full.enrollmentId)).status, await prospectStatus('full')], ['active', 'active']);
    assert.deepEqual(await suppressionsOf('full@prospect.test'), []);
    assert.equal((await inboundRows('full')).length, 1);
  });

  it('plans a resend when the server gave up, once per attempt, and ends the enrollment past the last resend', async () => {
    const at = new Date(Date.now() + 86_400_000);
    const gaveUp = () => record('full', bounceOf('mailbox_full', '4.2.2', '452 4.2.2 Mailbox full', { resend: { at, maxResends: 1 } }));
    const report = gaveUp();
    const planned = {
      kind: 'resend', enrollmentId: sent.full.enrollmentId, stepId: sent.full.stepId, messageId: sent.full.messageId, attempt: 1, at,
    };
    assert.deepEqual((await inbound.recordInbound(report, hashEmail))?.effect, planned);
    assert.deepEqual((await inbound.recordInbound(report, hashEmail))?.effect, planned, 'a re-read reports it again');
    assert.deepEqual((await inbound.recordInbound(gaveUp(), hashEmail))?.effect, { kind: 'none' }, 'a second report of the same attempt');
    // The resend went (the send clears resend_at) and came back too, as 552 5.2.2 this time
    // (a full mailbox, soft whatever its code): no resend is left.
    await dataSource.query(`UPDATE messages SET resend_at = NULL WHERE id = $1`, [sent.full.messageId]);
    const resent = gaveUp();
    const last = { ...resent, outcome: { ...resent.outcome, status: '5.2.2', diagnostic: '552 5.2.2 Mailbox full' } as InboundOutcome };
    const ended = { kind: 'bounced', enrollmentIds: [sent.full.enrollmentId], reason: 'soft_bounce' };
    assert.deepEqual((await inbound.recordInbound(last, hashEmail))?.effect, ended);
    assert.deepEqual((await inbound.recordInbound(last, hashEmail))?.effect, ended);
    const row = await enrollment(sent.full.enrollmentId);
    assert.deepEqual([row.status, row.stop_reason, await prospectStatus('full')], ['bounced', 'soft_bounce', 'active']);
    assert.deepEqual(await suppressionsOf('full@prospect.test'), [], 'the address exists: nothing is suppressed');
    const [message] = await dataSource.query(`SELECT soft_bounces, resend_at FROM messages WHERE id = $1`, [sent.full.messageId]);
    assert.deepEqual([message.soft_bounces, message.resend_at], [2, null]);
  });

  it('ends the sequence on a reply and keeps the quoted history apart', async () => {
    const reply = record('replier', { kind: 'reply' }, { bodyText: 'Yes, call me.', quotedText: '> Hello' });
    const first = await inbound.recordInbound(reply, hashEmail);
    assert.deepEqual(first?.effect, { kind: 'replied', enrollmentId: sent.replier.enrollmentId });
    assert.deepEqual((await inbound.recordInbound(reply, hashEmail))?.effect, first?.effect);
    const row = await enrollment(sent.replier.enrollmentId);
    assert.deepEqual([row.status, row.stop_reason, await prospectStatus('replier')], ['replied', 'replied', 'replied']);
    const [stored] = await inboundRows('replier');
    assert.deepEqual([stored.body_text, stored.quoted_text, stored.to_addresses], ['Yes, call me.', '> Hello', ['rep@seller.test']]);
  });

  it('ends every sequence to someone who left the company, without suppressing or marking them, once', async () => {
    const notice = record('leaver', { kind: 'auto_reply', returnDate: null, pauseUntil: null, leftCompany: true });
    const first = await inbound.recordInbound(notice, hashEmail);
    const ended = { kind: 'stopped', enrollmentIds: [sent.leaver.enrollmentId, leaverInB].sort(), reason: 'left_company' };
    assert.deepEqual({ ...first?.effect, enrollmentIds: [...(first?.effect as { enrollmentIds: string[] }).enrollmentIds].sort() }, ended);
    for (const id of [sent.leaver.enrollmentId, leaverInB]) {
      const row = await enrollment(id);
      assert.deepEqual([row.status, row.stop_reason], ['stopped', 'left_company']);
    }
    assert.equal(await prospectStatus('leaver'), 'active');
    assert.deepEqual(await suppressionsOf('leaver@prospect.test'), []);
    // Read again after a crash: the same stops are reported, so lost signals go out.
    const again = (await inbound.recordInbound(notice, hashEmail))?.effect as { kind: string; enrollmentIds: string[] };
    assert.deepEqual({ ...again, enrollmentIds: [...again.enrollmentIds].sort() }, ended);
  });

  it('knows the sender whatever spelling of the address the reply uses', async () => {
    // No thread headers; the From header spells the domain in Unicode, with capitals and a stray space.
    const reply = record('umlaut', { kind: 'reply' }, { candidateMessageIds: [], fromAddress: ' Umlaut@BÜCHER.test' });
    assert.deepEqual((await inbound.recordInbound(reply, hashEmail))?.effect, { kind: 'replied', enrollmentId: sent.umlaut.enrollmentId });
  });

  it('stores nothing about mail that answers nothing of ours', async () => {
    // From nobody we wrote to, at no company we wrote to: no thread, sender or domain ties it.
    const stranger = record('replier', { kind: 'reply' }, {
      candidateMessageIds: ['<other@elsewhere.test>'],
      fromAddress: 'stranger@unrelated.test',
    });
    assert.equal(await inbound.recordInbound(stranger, hashEmail), null);
    assert.equal(await inbound.recordInbound({ ...stranger, candidateMessageIds: [] }, hashEmail), null);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM inbound_messages WHERE imap_uid = $1`, [stranger.uid]);
    assert.equal(n, 0);
  });

  it("finds the prospect's time zone for an auto-reply by its thread, else by its sender", async () => {
    await dataSource.query(`UPDATE prospects SET time_zone = 'America/New_York' WHERE id = $1`, [sent.away.prospectId]);
    assert.equal(await inbound.prospectTimeZone(mailboxId, [sent.away.header], null), 'America/New_York');
    // An out-of-office client that drops In-Reply-To and References: the sender tells whose it is.
    assert.equal(await inbound.prospectTimeZone(mailboxId, [], 'Away@Prospect.test'), 'America/New_York');
    assert.equal(await inbound.prospectTimeZone(mailboxId, ['<other@elsewhere.test>'], 'away@prospect.test'), 'America/New_York');
    assert.equal(await inbound.prospectTimeZone(mailboxId, [], 'stranger@unrelated.test'), null);
  });

  it('never suppresses a refusal of the sender: resends it, counts it against the mailbox, which pauses at the threshold', async () => {
    const at = new Date(Date.now() + 86_400_000);
    const refused = (person: string) => record(person, bounceOf('blocked_reputation', '5.7.1', '554 5.7.1 client host blocked using a blocklist', {
      resend: { at, maxResends: 1 }, mailboxPause: { pauseAfter: 3, windowMs: 3_600_000 },
    }));
    const first = await inbound.recordInbound(refused('blocked'), hashEmail);
    assert.deepEqual(first?.effect, {
      kind: 'resend', enrollmentId: sent.blocked.enrollmentId, stepId: sent.blocked.stepId, messageId: sent.blocked.messageId, attempt: 1, at,
    });
    assert.equal(first?.mailboxPaused, undefined);
    assert.deepEqual([(await enrollment(sent.blocked.enrollmentId)).status, await prospectStatus('blocked')], ['active', 'active']);
    assert.deepEqual(await suppressionsOf('blocked@prospect.test'), [], 'the prospect is not at fault');
    const second = refused('blocked2');
    assert.equal((await inbound.recordInbound(second, hashEmail))?.mailboxPaused, undefined);
    assert.equal((await inbound.recordInbound(second, hashEmail))?.mailboxPaused, undefined, 'a re-read counts nothing twice');
    const sameAttempt = await inbound.recordInbound(refused('blocked2'), hashEmail);
    assert.deepEqual([sameAttempt?.effect, sameAttempt?.mailboxPaused], [{ kind: 'none' }, undefined], 'a second report of the same attempt counts once');
    const third = await inbound.recordInbound(refused('blocked3'), hashEmail);
    assert.match(third?.mailboxPaused ?? '', /^3 bounces blaming the sender within 1 h \(latest: blocked_reputation\)/);
    const [mailbox] = await dataSource.query(`SELECT disabled, pause_reason, paused_at FROM mailboxes WHERE id = $1`, [mailboxId]);
    assert.deepEqual([mailbox.disabled, mailbox.pause_reason], [true, third?.mailboxPaused]);
    const events = await dataSource.query(`SELECT reason FROM mailbox_deliverability_events WHERE mailbox_id = $1`, [mailboxId]);
    assert.deepEqual(events.map((row: { reason: string }) => row.reason), ['blocked_reputation', 'blocked_reputation', 'blocked_reputation']);
    // The rep fixed the cause and enabled it again: the bounces before its pause do not pause it again.
    await dataSource.query(`UPDATE mailboxes SET disabled = false, pause_reason = NULL WHERE id = $1`, [mailboxId]);
    await dataSource.query(`UPDATE messages SET resend_at = NULL WHERE id = $1`, [sent.blocked.messageId]);
    const last = await inbound.recordInbound(refused('blocked'), hashEmail);
    assert.equal(last?.mailboxPaused, undefined);
    assert.equal((await dataSource.query(`SELECT disabled FROM mailboxes WHERE id = $1`, [mailboxId]))[0].disabled, false);
    // Its one resend came back refused too: the enrollment ends, the address is still not suppressed.
    assert.deepEqual(last?.effect, { kind: 'bounced', enrollmentIds: [sent.blocked.enrollmentId], reason: 'sender_problem' });
    const row = await enrollment(sent.blocked.enrollmentId);
    assert.deepEqual([row.status, row.stop_reason, await prospectStatus('blocked')], ['bounced', 'sender_problem', 'active']);
    assert.deepEqual(await suppressionsOf('blocked@prospect.test'), []);
  });

  it('ends every sequence to an address that complained, in every campaign, and suppresses it, once', async () => {
    const complaint = record('complainer', { kind: 'complaint', feedbackType: 'abuse' }, { fromAddress: 'fbl@isp.test' });
    const first = await inbound.recordInbound(complaint, hashEmail);
    const ended = { kind: 'stopped', enrollmentIds: [sent.complainer.enrollmentId, complainerInB].sort(), reason: 'complained' };
    const sorted = (effect: unknown) => {
      const e = effect as { enrollmentIds: string[] };
      return { ...e, enrollmentIds: [...e.enrollmentIds].sort() };
    };
    assert.deepEqual(sorted(first?.effect), ended);
    assert.deepEqual(sorted((await inbound.recordInbound(complaint, hashEmail))?.effect), ended, 'a re-read reports the stops again');
    for (const id of [sent.complainer.enrollmentId, complainerInB]) {
      const row = await enrollment(id);
      assert.deepEqual([row.status, row.stop_reason], ['stopped', 'complained']);
    }
    assert.equal(await prospectStatus('complainer'), 'unsubscribed');
    assert.deepEqual(await suppressionsOf('complainer@prospect.test'), [{ reason: 'complaint', source_message_id: sent.complainer.messageId }]);
    const [row] = await inboundRows('complainer');
    assert.deepEqual([row.kind, row.feedback_type], ['complaint', 'abuse']);
  });

  it('stops nothing for a bounce whose reason is unknown, nor for one tied to nothing of ours, and lists both for operators', async () => {
    const unreadable = record('mystery', bounceOf('unknown', '5.0.0', 'rejected'));
    assert.deepEqual((await inbound.recordInbound(unreadable, hashEmail))?.effect, { kind: 'none' });
    assert.deepEqual([(await enrollment(sent.mystery.enrollmentId)).status, await prospectStatus('mystery')], ['active', 'active']);
    const stray = record('mystery', bounceOf('user_unknown', '5.1.1', '550 5.1.1 <someone@else.test> User unknown'), {
      candidateMessageIds: ['<hand-sent@seller.test>'], fromAddress: 'MAILER-DAEMON@mx.else.test',
      subject: 'Undelivered: hi someone@else.test',
    });
    assert.equal(await inbound.recordInbound(stray, hashEmail), null, 'about nothing of ours');
    assert.equal(await inbound.recordInbound(stray, hashEmail), null, 'a re-read adds nothing');
    assert.deepEqual([(await enrollment(sent.mystery.enrollmentId)).status], ['active']);
    const listed = (await inbound.unmatchedReports(accountId, { limit: 100 }))?.items ?? [];
    const strayRow = listed.find((row) => row.bounceReason === 'user_unknown');
    assert.ok(strayRow, 'the stray bounce is kept for operators');
    assert.equal(strayRow.subject.includes('someone@else.test'), false, 'addresses masked: nobody could erase them');
    assert.equal(strayRow.bounceDiagnostic?.includes('someone@else.test'), false);
    assert.ok(listed.some((row) => row.bounceReason === 'unknown'), 'the unreadable one too');
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM inbound_messages WHERE imap_uid = $1`, [stray.uid]);
    assert.equal(n, 1);
  });

  it('counts the campaign\'s sent emails and the bounces saying the recipient is gone', async () => {
    // Campaign A: every person but unsent (its email is 'unknown') was sent one, umlaut too: 11. Gone's
    // recipient is gone; full's mailbox was full (4.2.2, then 5.2.2); the blocked ones refused
    // the sender; mystery's reason is unknown: only gone's counts.
    assert.deepEqual(await inbound.bounceStats(campaignA), { sent: 11, hardBounces: 1 });
  });
});
