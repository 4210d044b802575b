import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendMessage, type ImapSettings } from '@relance/mail';
import { BOUNCE_EFFECT, type BounceReason } from '@relance/mail/classification/bounce-reasons';
import { mailboxSyncWorkflowId } from '@relance/temporal';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import type { CapturedMessage } from '../harness/smtp-capture';
import { ApiClient, createNamedProspects, eventually } from '../support/api-client';
import { rawDeliveryReport } from '../support/raw-dsn';
import { rawFeedbackReport } from '../support/raw-feedback-report';
import { rawMail } from '../support/raw-mail';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const PEOPLE = {
  roxane: 'roxane@blocked-one.test',
  remi: 'remi@blocked-two.test',
  gaston: 'gaston@gone.test',
  clara: 'clara@complains.test',
  dan: 'dan@daemon.test',
} as const;
type Person = keyof typeof PEOPLE;
/** Yahoo-like wording of a refusal for the sending IP's reputation: 5.7.1, hard by its first digit under the old rule. */
const REPUTATION = '554 5.7.1 [IPTS04] Messages from 192.0.2.10 are not accepted due to poor reputation of the sending IP';

/**
 * What a bounce does, by its reason, through the real stack (Dovecot, SMTP capture, Temporal):
 * a two-email sequence (the second an hour away, so every enrollment is still running) to five
 * prospects from one mailbox, which pauses itself at two refusals of the sender. Roxane's and
 * Rémi's servers refuse the sender's reputation: neither is suppressed, and the mailbox pauses
 * itself at the second, saying why. Gaston's address is unknown: suppressed. Clara complains
 * through her provider's feedback loop: her sequences in both campaigns stop, and she is
 * suppressed and counted. Dan's server sends a bounce from MAILER-DAEMON <> with no DSN part and
 * no code: not a reply, and it stops nothing; operators list it, with a bounce of an email the
 * rep sent by hand (tied to nothing of ours).
 */
describe('bounce reasons: only a recipient gone is suppressed; the sender\'s problems pause the mailbox', () => {
  let stack: RelanceStack;
  let mailboxId: string | undefined;

  before(async () => {
    stack = await startRelanceStack({
      env: { SENDER_BOUNCE_RESEND_AFTER: '1h', MAILBOX_PAUSE_SENDER_BOUNCES: '2', MAILBOX_PAUSE_WINDOW: '1h' },
    });
  });

  after(async () => {
    if (mailboxId) await stack.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(mailboxId)).terminate('test over').catch(() => undefined);
    await stack?.stop();
  });

  it('suppresses the unknown address, pauses the mailbox on refusals, stops a complainer everywhere, ignores a daemon', async () => {
    const rep = imapUser(4);
    const { imap } = testEnv();
    const { api, smtp, dataSource } = stack;
    const imapSettings: ImapSettings = { host: imap.host, port: imap.port, secure: false, username: rep.user, password: rep.password };
    mailboxId = await stack.connectMailbox(api, 4, { minSpacingSeconds: 0 });
    const prospectIds = await createNamedProspects(api, PEOPLE);
    const sequence = [
      { type: 'email', subject: 'Question for {{ firstName }}', body: 'Hi {{ firstName }}, shall we talk?' },
      { type: 'wait', amount: 1, unit: 'hours' },
      { type: 'email', body: 'Following up, {{ firstName }}.' },
    ];
    const campaignA = await api.post('/v1/campaigns', { name: 'Bounce reasons', mailboxId, steps: sequence });
    const campaignB = await api.post('/v1/campaigns', { name: 'Another for Clara', mailboxId, steps: sequence });
    for (const created of [campaignA, campaignB]) assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await api.post(`/v1/campaigns/${campaignA.body.id}/launch`, { all: true })).status, 202);
    const firstTo = (person: Person) => smtp.waitFor((m) => m.envelope.to.includes(PEOPLE[person]), 20_000);
    const first = Object.fromEntries(
      await Promise.all((Object.keys(PEOPLE) as Person[]).map(async (person) => [person, await firstTo(person)] as const)),
    ) as Record<Person, CapturedMessage>;
    assert.equal((await api.post(`/v1/campaigns/${campaignB.body.id}/launch`, { prospectIds: [prospectIds.clara] })).status, 202);
    const enrollmentsOf = (person: Person): Promise<{ campaign_id: string; status: string; stop_reason: string | null }[]> =>
      dataSource.query(`SELECT campaign_id, status, stop_reason FROM enrollments WHERE prospect_id = $1`, [prospectIds[person]]);
    await eventually('Clara enrolled in both campaigns', async () => ((await enrollmentsOf('clara')).length === 2 ? true : undefined));

    const append = (raw: string) => appendMessage(imapSettings, 'INBOX', raw, { network: LOOPBACK_MAIL });
    const dsn = (person: Person, status: string, diagnostic: string) => append(rawDeliveryReport({
      to: rep.user, recipient: PEOPLE[person], action: 'failed', status, diagnostic, original: first[person].raw, returned: 'headers',
    }));
    const bounceOf = async (person: Person) => eventually(`${person}'s bounce recorded`, async () => {
      const [row] = await dataSource.query(
        `SELECT i.* FROM inbound_messages i JOIN enrollments e ON e.id = i.enrollment_id WHERE e.prospect_id = $1 AND i.kind = 'bounce'`,
        [prospectIds[person]],
      );
      return row as Record<string, any> | undefined;
    });
    const suppressed = async (person: Person) =>
      (await api.get(`/v1/suppressions/check?email=${encodeURIComponent(PEOPLE[person])}`)).body.suppressed as boolean;
    const prospectStatus = async (person: Person) => (await api.get(`/v1/prospects/${prospectIds[person]}`)).body.status as string;

    // Gaston's address does not exist: his sequence ends, he is suppressed.
    await dsn('gaston', '5.1.1', '550 5.1.1 <gaston@gone.test>: Recipient address rejected: User unknown in virtual mailbox table');
    const gone = await bounceOf('gaston');
    assert.deepEqual([gone.bounce_reason, gone.bounce_status], ['user_unknown', '5.1.1']);
    await eventually('Gaston suppressed', async () => ((await suppressed('gaston')) ? true : undefined));
    assert.deepEqual((await enrollmentsOf('gaston')).map((row) => [row.status, row.stop_reason]), [['bounced', 'hard_bounce']]);

    // Dan's server: a bounce from the null sender, no DSN part, no code anywhere. Not a reply.
    await append(rawMail({
      from: 'Mail Delivery Subsystem <MAILER-DAEMON@mx.daemon.test>',
      to: rep.user,
      subject: `Returned mail: see transcript for details`,
      text: 'The original message was received but could not be passed on.\n\nThe message is attached below.',
      inReplyTo: first.dan.messageId!,
      references: [first.dan.messageId!],
      extraHeaders: { 'Return-Path': '<>' },
    }));
    const daemon = await bounceOf('dan');
    assert.equal(daemon.bounce_reason, 'unknown');
    assert.deepEqual((await enrollmentsOf('dan')).map((row) => row.status), ['active'], 'it stops nothing');
    assert.deepEqual([await prospectStatus('dan'), await suppressed('dan')], ['active', false]);
    const replies = await dataSource.query(`SELECT count(*)::int AS n FROM inbound_messages WHERE mailbox_id = $1 AND kind = 'reply'`, [mailboxId]);
    assert.equal(replies[0].n, 0, 'nothing here is a human reply');

    // A bounce of an email the rep sent by hand: tied to nothing of ours, kept for operators, masked.
    const handSent = rawMail({ from: rep.user, to: 'nobody@elsewhere.test', subject: 'Lunch?', text: 'Lunch on Friday?' });
    await append(rawDeliveryReport({
      to: rep.user, recipient: 'nobody@elsewhere.test', action: 'failed', status: '5.1.1',
      diagnostic: '550 5.1.1 <nobody@elsewhere.test>: Recipient address rejected: User unknown', original: handSent, returned: 'headers',
    }));
    const listed = await eventually('both reports listed for operators', async () => {
      const res = await api.get(`/v1/mailboxes/${mailboxId}/unmatched-reports`);
      return res.status === 200 && res.body.data.length === 2 ? res.body.data : undefined;
    });
    assert.deepEqual(listed.map((row: { bounceReason: string }) => row.bounceReason), ['user_unknown', 'unknown'], 'newest first');
    assert.equal(listed[0].bounceDiagnostic.includes('nobody@elsewhere.test'), false, 'tied to no one Relance could erase it for');
    const firstPage = await api.get(`/v1/mailboxes/${mailboxId}/unmatched-reports?limit=1`);
    const secondPage = await api.get(`/v1/mailboxes/${mailboxId}/unmatched-reports?limit=1&after=${firstPage.body.nextCursor}`);
    assert.deepEqual([...firstPage.body.data, ...secondPage.body.data].map((row: { id: string }) => row.id),
      listed.map((row: { id: string }) => row.id), 'a page at a time, by cursor');
    assert.equal(secondPage.body.nextCursor, null);
    assert.equal((await api.get(`/v1/mailboxes/${prospectIds.dan}/unmatched-reports`)).status, 404);
    assert.equal((await api.get('/v1/mailboxes/nope/unmatched-reports')).status, 400);
    assert.equal((await new ApiClient(stack.apiUrl).get(`/v1/mailboxes/${mailboxId}/unmatched-reports`)).status, 401);

    // Clara complains through her provider's feedback loop: every sequence to her stops, in both campaigns.
    await append(rawFeedbackReport({ to: rep.user, recipient: PEOPLE.clara, original: first.clara.raw }));
    const stopped = await eventually('Clara\'s sequences stopped', async () => {
      const rows = await enrollmentsOf('clara');
      return rows.every((row) => row.status === 'stopped') ? rows : undefined;
    });
    assert.deepEqual(stopped.map((row) => row.stop_reason), ['complained', 'complained']);
    assert.deepEqual([await prospectStatus('clara'), await suppressed('clara')], ['unsubscribed', true]);
    const [suppression] = await dataSource.query(`SELECT reason FROM suppressions WHERE account_id = (SELECT account_id FROM mailboxes WHERE id = $1) AND reason = 'complaint'`, [mailboxId]);
    assert.equal(suppression?.reason, 'complaint');
    const stats = await api.get(`/v1/campaigns/${campaignA.body.id}/stats`);
    assert.equal(stats.body.totals.complained, 1);
    assert.equal(stats.body.totals.bounced, 1, "only Gaston's bounce: the daemon's reason is unknown");

    // Roxane's server refuses the sender's reputation: she is not at fault, nothing is suppressed.
    await dsn('roxane', '5.7.1', REPUTATION);
    const refused = await bounceOf('roxane');
    assert.equal(BOUNCE_EFFECT[refused.bounce_reason as BounceReason], 'sender_problem', refused.bounce_reason);
    assert.deepEqual((await enrollmentsOf('roxane')).map((row) => row.status), ['active']);
    assert.deepEqual([await prospectStatus('roxane'), await suppressed('roxane')], ['active', false]);
    const [message] = await dataSource.query(
      `SELECT m.resend_at FROM messages m JOIN enrollments e ON e.id = m.enrollment_id WHERE e.prospect_id = $1`, [prospectIds.roxane],
    );
    assert.ok(message.resend_at > new Date(Date.now() + 50 * 60_000), 'her email goes again, SENDER_BOUNCE_RESEND_AFTER later');
    assert.deepEqual([(await api.get(`/v1/mailboxes/${mailboxId}`)).body.disabled], [false], 'one refusal is under the threshold');

    // Rémi's server too: the second refusal within the window pauses the mailbox, saying why.
    await dsn('remi', '5.7.1', REPUTATION);
    const paused = await eventually('the mailbox to pause itself', async () => {
      const body = (await api.get(`/v1/mailboxes/${mailboxId}`)).body;
      return body.disabled ? body : undefined;
    });
    assert.match(paused.pauseReason, /^2 bounces blaming the sender within 1 h \(latest: \w+\)/);
    assert.deepEqual([await prospectStatus('remi'), await suppressed('remi')], ['active', false]);
    const events = await dataSource.query(`SELECT count(*)::int AS n FROM mailbox_deliverability_events WHERE mailbox_id = $1`, [mailboxId]);
    assert.equal(events[0].n, 2);

    // The rep fixed the cause: enabling the mailbox again clears the reason.
    const resumed = await api.request('PATCH', `/v1/mailboxes/${mailboxId}`, { disabled: false });
    assert.equal(resumed.status, 200, JSON.stringify(resumed.body));
    assert.deepEqual([resumed.body.disabled, resumed.body.pauseReason], [false, null]);
  });
});
