import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendMessage, type ImapSettings } from '@relance/mail';
import { enrollmentStatusQuery, enrollmentWorkflowId, mailboxSyncWorkflowId, type EnrollmentResult } from '@relance/temporal';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { createNamedProspects, eventually } from '../support/api-client';
import { rawDeliveryReport } from '../support/raw-dsn';
import { rawMail } from '../support/raw-mail';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const PEOPLE = { away: 'amelie@ooo.test', gone: 'gaston@gone.test', full: 'fanny@full.test', left: 'leon@left.test' } as const;
type Person = keyof typeof PEOPLE;
const FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** Long enough for a reply to be read (IMAP IDLE) before the second email is due. */
const WAIT_SECONDS = 5;

/**
 * Replies, auto-replies and bounces through the real stack: a two-email sequence to three
 * prospects. Amélie's out-of-office reply holds her second email until she is back (a reply
 * afterwards still ends it); Gaston's address bounces hard, which ends his sequence, marks
 * him bounced and suppresses the address; Fanny's mailbox is full (a soft bounce, the remote
 * server keeps trying), so her sequence goes on.
 */
describe('inbound classification: auto-replies hold, hard bounces stop, soft bounces do not', () => {
  let stack: RelanceStack;
  let mailboxId: string | undefined;

  before(async () => {
    stack = await startRelanceStack();
  });

  after(async () => {
    if (mailboxId) await stack.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(mailboxId)).terminate('test over').catch(() => undefined);
    await stack?.stop();
  });

  it('pauses on an out-of-office, stops and suppresses on a hard bounce, carries on after a soft one', async () => {
    const rep = imapUser(3);
    const { imap } = testEnv();
    const { api, smtp, dataSource } = stack;
    const imapSettings: ImapSettings = { host: imap.host, port: imap.port, secure: false, username: rep.user, password: rep.password };

    const mailbox = await api.post('/v1/mailboxes', {
      minSpacingSeconds: 0, // tests send back to back
      email: rep.user,
      displayName: 'Rita Rep',
      smtp: { host: smtp.host, port: smtp.port, secure: false, username: rep.user, password: 'smtp-secret' },
      imap: { host: imap.host, port: imap.port, secure: false, username: rep.user, password: rep.password },
    });
    assert.equal(mailbox.status, 201, JSON.stringify(mailbox.body));
    mailboxId = mailbox.body.id;
    const prospectIds = await createNamedProspects(api, PEOPLE);
    const campaign = await api.post('/v1/campaigns', {
      name: 'Inbound',
      mailboxId,
      steps: [
        { type: 'email', subject: 'Question for {{ firstName }}', body: 'Hi {{ firstName }}, shall we talk?' },
        { type: 'wait', amount: WAIT_SECONDS, unit: 'seconds' },
        { type: 'email', body: 'Following up, {{ firstName }}.' },
      ],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    const campaignId: string = campaign.body.id;
    assert.equal((await api.post(`/v1/campaigns/${campaignId}/launch`, { all: true })).status, 202);

    const sentTo = (person: Person) => smtp.messages.filter((m) => m.envelope.to.includes(PEOPLE[person]));
    const firstTo = (person: Person) => smtp.waitFor((m) => m.envelope.to.includes(PEOPLE[person]), 20_000);
    const [awayFirst, goneFirst, fullFirst, leftFirst] = await Promise.all([
      firstTo('away'), firstTo('gone'), firstTo('full'), firstTo('left'),
    ]);

    // Amélie's vacation responder answers in French, back in three days.
    const back = new Date(Date.now() + 3 * 86_400_000);
    const returnsAt = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth(), back.getUTCDate(), 9));
    const backInFrench = `${back.getUTCDate()} ${FRENCH_MONTHS[back.getUTCMonth()]} ${back.getUTCFullYear()}`;
    await appendMessage(imapSettings, 'INBOX', rawMail({
      from: `Amelie <${PEOPLE.away}>`,
      to: rep.user,
      subject: `=?UTF-8?Q?R=C3=A9ponse_automatique?= : ${awayFirst.subject}`,
      text: `Bonjour,\n\nJe suis absente du bureau. Je serai de retour le ${backInFrench}.\n\nCordialement,\nAmélie`,
      inReplyTo: awayFirst.messageId,
      references: [awayFirst.messageId!],
      extraHeaders: { 'Auto-Submitted': 'auto-replied' },
    }), { network: LOOPBACK_MAIL });
    // Gaston left the company: his server refuses the address for good.
    const goneDiagnostic = `550 5.1.1 <${PEOPLE.gone}>: Recipient address rejected: User unknown`;
    await appendMessage(imapSettings, 'INBOX', rawDeliveryReport({
      to: rep.user, recipient: PEOPLE.gone, action: 'failed', status: '5.1.1', diagnostic: goneDiagnostic,
      original: goneFirst.raw, returned: 'message',
    }), { network: LOOPBACK_MAIL });
    // Léon left the company: a notice says so, with no auto-reply header.
    await appendMessage(imapSettings, 'INBOX', rawMail({
      from: `Leon <${PEOPLE.left}>`,
      to: rep.user,
      subject: `Re: ${leftFirst.subject}`,
      text: 'Hello,\n\nLéon is no longer with Left Industries. Please write to contact@left.test instead.\n\nThank you',
      inReplyTo: leftFirst.messageId,
      references: [leftFirst.messageId!],
    }), { network: LOOPBACK_MAIL });
    // Fanny's mailbox is full: her server will try again.
    await appendMessage(imapSettings, 'INBOX', rawDeliveryReport({
      to: rep.user, recipient: PEOPLE.full, action: 'delayed', status: '4.2.2', diagnostic: '452 4.2.2 Mailbox full',
      original: fullFirst.raw, returned: 'headers',
    }), { network: LOOPBACK_MAIL });

    const enrollmentOf = async (person: Person) => {
      const list = await api.get(`/v1/campaigns/${campaignId}/enrollments`);
      return list.body.data.find((e: { prospectId: string }) => e.prospectId === prospectIds[person]);
    };
    const settled = (person: Person, status: string) =>
      eventually(`${person}'s enrollment to be ${status}`, async () => {
        const enrollment = await enrollmentOf(person);
        return enrollment?.status === status ? enrollment : undefined;
      }, 30_000);
    const inboundOf = async (person: Person) =>
      (await dataSource.query(
        `SELECT i.* FROM inbound_messages i JOIN enrollments e ON e.id = i.enrollment_id
         WHERE e.prospect_id = $1 ORDER BY i.imap_uid`,
        [prospectIds[person]],
      )) as Record<string, any>[];
    const pausedUntilOf = async (person: Person): Promise<Date | null> => {
      const [row] = await dataSource.query(`SELECT paused_until FROM enrollments WHERE prospect_id = $1`, [prospectIds[person]]);
      return row.paused_until;
    };

    // (b) The hard bounce ends Gaston's sequence, marks him bounced and suppresses his address.
    const gone = await settled('gone', 'bounced');
    assert.equal(gone.stopReason, 'hard_bounce');
    assert.equal((await api.get(`/v1/prospects/${prospectIds.gone}`)).body.status, 'bounced');
    const check = await api.get(`/v1/suppressions/check?email=${encodeURIComponent(PEOPLE.gone)}`);
    assert.deepEqual([check.body.suppressed, check.body.kind, check.body.reason], [true, 'email', 'hard_bounce']);
    const [goneBounce] = await inboundOf('gone');
    assert.deepEqual(
      [goneBounce.kind, goneBounce.bounce_status, goneBounce.bounce_diagnostic],
      ['bounce', '5.1.1', goneDiagnostic],
    );
    const goneResult: EnrollmentResult = await stack.temporal.client.workflow.getHandle(enrollmentWorkflowId(gone.id)).result();
    assert.deepEqual([goneResult.outcome, goneResult.stepsSent], ['stopped', 1]);

    // Léon's sequence ends: not a reply, not a bounce, and his address is not suppressed.
    const left = await settled('left', 'stopped');
    assert.equal(left.stopReason, 'left_company');
    assert.equal((await api.get(`/v1/prospects/${prospectIds.left}`)).body.status, 'active');
    const [notice] = await inboundOf('left');
    assert.equal(notice.kind, 'auto_reply');
    const leftResult: EnrollmentResult = await stack.temporal.client.workflow.getHandle(enrollmentWorkflowId(left.id)).result();
    assert.deepEqual([leftResult.outcome, leftResult.stepsSent], ['stopped', 1]);

    // (c) The soft bounce is stored and changes nothing.
    const [fullBounce] = await eventually('the soft bounce to be stored', async () => {
      const rows = await inboundOf('full');
      return rows.length > 0 ? rows : undefined;
    });
    assert.deepEqual([fullBounce.kind, fullBounce.bounce_status, fullBounce.bounce_diagnostic], ['bounce', '4.2.2', '452 4.2.2 Mailbox full']);

    // (a) The out-of-office reply is stored and holds Amélie's next email until she is back.
    const away = await eventually('the auto-reply to hold the enrollment', async () =>
      (await pausedUntilOf('away')) ? enrollmentOf('away') : undefined);
    assert.deepEqual([away.status, away.pauseReason], ['paused', 'out_of_office'], 'held by her auto-reply, not running');
    assert.equal(away.pausedUntil, returnsAt.toISOString(), 'the API shows until when');
    assert.deepEqual(away.waiting, { reason: 'out_of_office', until: returnsAt.toISOString() });
    assert.equal((await pausedUntilOf('away'))?.toISOString(), returnsAt.toISOString());
    const [autoReply] = await inboundOf('away');
    assert.equal(autoReply.kind, 'auto_reply');
    assert.equal((autoReply.auto_reply_until as Date).toISOString(), returnsAt.toISOString());
    assert.equal((await api.get(`/v1/prospects/${prospectIds.away}`)).body.status, 'active');

    // Fanny's second email leaves on time; Amélie's, due at the same moment, does not.
    await settled('full', 'completed');
    assert.equal(sentTo('full').length, 2, 'a soft bounce does not stop the sequence');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    assert.equal(sentTo('away').length, 1, 'nothing is sent to someone away');
    assert.equal(sentTo('gone').length, 1, 'nothing is sent after a hard bounce');
    assert.equal(sentTo('left').length, 1, 'nothing is sent to someone who left');
    const awayWorkflow = stack.temporal.client.workflow.getHandle(enrollmentWorkflowId(away.id));
    const view = await awayWorkflow.query(enrollmentStatusQuery);
    assert.deepEqual([view.phase, view.waitingUntil], ['waiting', returnsAt.toISOString()]);
    assert.equal((await api.get(`/v1/prospects/${prospectIds.full}`)).body.status, 'active');
    const fullCheck = await api.get(`/v1/suppressions/check?email=${encodeURIComponent(PEOPLE.full)}`);
    assert.equal(fullCheck.body.suppressed, false);

    // A person's reply while paused still ends the sequence; (d) it is stored without its quote.
    await appendMessage(imapSettings, 'INBOX', rawMail({
      from: `Amelie <${PEOPLE.away}>`,
      to: rep.user,
      subject: `Re: ${awayFirst.subject}`,
      text: [
        'Back early: happy to talk on Thursday.',
        '',
        `Le ${new Date().toUTCString()}, Rita Rep <${rep.user}> a écrit :`,
        '> Hi away, shall we talk?',
      ].join('\n'),
      inReplyTo: awayFirst.messageId,
      references: [awayFirst.messageId!],
    }), { network: LOOPBACK_MAIL });
    const replied = await settled('away', 'replied');
    assert.equal(replied.stopReason, 'replied');
    const awayResult: EnrollmentResult = await awayWorkflow.result();
    assert.deepEqual([awayResult.outcome, awayResult.stepsSent], ['replied', 1]);
    assert.equal(sentTo('away').length, 1);
    const [, reply] = await inboundOf('away');
    assert.equal(reply.kind, 'reply');
    assert.equal(reply.body_text, 'Back early: happy to talk on Thursday.');
    assert.match(reply.quoted_text, /a écrit :\n> Hi away, shall we talk\?$/);
    assert.deepEqual(reply.to_addresses, [rep.user]);
    assert.equal(reply.auto_reply_until, null);
  });
});
