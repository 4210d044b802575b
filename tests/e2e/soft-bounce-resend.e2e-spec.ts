import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendMessage, type ImapSettings } from '@relance/mail';
import { softBounceResendWorkflowId } from '@relance/temporal';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import type { CapturedMessage } from '../harness/smtp-capture';
import { createNamedProspects, eventually } from '../support/api-client';
import { rawDeliveryReport } from '../support/raw-dsn';
import { rawMail } from '../support/raw-mail';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const PEOPLE = { full: 'fanny@full.test', slow: 'sam@slow.test', busy: 'bruno@busy.test' } as const;
type Person = keyof typeof PEOPLE;
const RESEND_AFTER_SECONDS = 4;

/**
 * Soft bounces through the real stack, one resend allowed (SOFT_BOUNCE_MAX_RESENDS=1) after
 * a few seconds. Fanny's mailbox is full and her server gives up: her email goes again with a
 * new Message-ID, and when that one comes back too, her enrollment ends without suppressing
 * her address. Sam's server only reports a delay (it keeps trying): nothing is resent. Bruno's
 * server gives up, but he replies before the resend is due: nothing is resent.
 */
describe('soft bounces: resent later, under the same rules as any send', () => {
  let stack: RelanceStack;

  before(async () => {
    stack = await startRelanceStack({
      env: { SOFT_BOUNCE_RESEND_AFTER: `${RESEND_AFTER_SECONDS}s`, SOFT_BOUNCE_MAX_RESENDS: '1' },
    });
  });

  after(async () => {
    await stack?.stop();
  });

  it('resends after a final 4.x.x failure, not after a delay or a reply, and gives up after the last resend', async () => {
    const rep = imapUser(2);
    const { imap } = testEnv();
    const { api, smtp, dataSource } = stack;
    const imapSettings: ImapSettings = { host: imap.host, port: imap.port, secure: false, username: rep.user, password: rep.password };
    const mailboxId = await stack.connectMailbox(api, 2, { minSpacingSeconds: 0 });
    const prospectIds = await createNamedProspects(api, PEOPLE);
    const campaign = await api.post('/v1/campaigns', {
      name: 'Soft bounces',
      mailboxId,
      steps: [{ type: 'email', subject: 'Question for {{ firstName }}', body: 'Hi {{ firstName }}, shall we talk?' }],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);

    const sentTo = (person: Person) => smtp.messages.filter((m) => m.envelope.to.includes(PEOPLE[person]));
    const nthTo = (person: Person, n: number) =>
      eventually(`email ${n} to ${person}`, async () => sentTo(person)[n - 1], 30_000);
    const bounce = (person: Person, original: CapturedMessage, action: 'failed' | 'delayed') =>
      appendMessage(imapSettings, 'INBOX', rawDeliveryReport({
        to: rep.user, recipient: PEOPLE[person], action, status: action === 'failed' ? '4.2.2' : '4.4.7',
        diagnostic: action === 'failed' ? '452 4.2.2 Mailbox full' : 'delivery temporarily suspended',
        original: original.raw, returned: 'headers',
      }), { network: LOOPBACK_MAIL });
    const enrollmentOf = async (person: Person) => {
      const [row] = await dataSource.query(`SELECT * FROM enrollments WHERE prospect_id = $1`, [prospectIds[person]]);
      return row as Record<string, any>;
    };
    const messageOf = async (person: Person) => {
      const [row] = await dataSource.query(
        `SELECT m.* FROM messages m JOIN enrollments e ON e.id = m.enrollment_id WHERE e.prospect_id = $1`,
        [prospectIds[person]],
      );
      return row as Record<string, any>;
    };

    const [fullFirst, slowFirst, busyFirst] = await Promise.all([nthTo('full', 1), nthTo('slow', 1), nthTo('busy', 1)]);
    const bouncedAt = Date.now();
    await bounce('full', fullFirst, 'failed');
    await bounce('slow', slowFirst, 'delayed');
    await bounce('busy', busyFirst, 'failed');
    await appendMessage(imapSettings, 'INBOX', rawMail({
      from: `Bruno <${PEOPLE.busy}>`,
      to: rep.user,
      subject: `Re: ${busyFirst.subject}`,
      text: 'Back from holiday, my mailbox was full. Call me on Monday.',
      inReplyTo: busyFirst.messageId,
      references: [busyFirst.messageId!],
    }), { network: LOOPBACK_MAIL });

    // Fanny's email goes again once due: the same words, a new Message-ID, the same row.
    const fullResend = await nthTo('full', 2);
    assert.ok(Date.now() - bouncedAt >= RESEND_AFTER_SECONDS * 1000, 'not before SOFT_BOUNCE_RESEND_AFTER');
    const outboxId = (await messageOf('full')).id;
    // The SMTP server has the email before the resend records it: read the row once it has.
    const resent = await stack.temporal.client.workflow.getHandle(softBounceResendWorkflowId(outboxId, 1)).result();
    assert.equal(resent.outcome, 'sent');
    const outbox = await messageOf('full');
    assert.equal(fullResend.messageId, `<relance.${outbox.id}.r1@${rep.user.split('@')[1]}>`);
    assert.equal(outbox.message_id_header, fullResend.messageId, 'replies and bounces to the resend find the row');
    assert.deepEqual([fullResend.subject, fullResend.text?.trim()], [fullFirst.subject, fullFirst.text?.trim()]);
    assert.equal((await enrollmentOf('full')).status, 'completed');
    assert.deepEqual([outbox.status, outbox.soft_bounces, outbox.resend_at], ['sent', 1, null]);

    // The resend comes back too: the last allowed; the enrollment ends, the address stays usable.
    await bounce('full', fullResend, 'failed');
    const ended = await eventually('Fanny\'s enrollment to end', async () => {
      const row = await enrollmentOf('full');
      return row.status === 'bounced' ? row : undefined;
    });
    assert.equal(ended.stop_reason, 'soft_bounce');
    assert.deepEqual([(await messageOf('full')).soft_bounces, (await messageOf('full')).resend_at], [2, null]);
    assert.equal((await api.get(`/v1/prospects/${prospectIds.full}`)).body.status, 'active');
    const check = await api.get(`/v1/suppressions/check?email=${encodeURIComponent(PEOPLE.full)}`);
    assert.equal(check.body.suppressed, false, 'a full mailbox is not a dead address');
    const conversation = await api.get(`/v1/prospects/${prospectIds.full}/conversation`);
    const outbound = conversation.body.data.filter((entry: { direction: string }) => entry.direction === 'outbound');
    assert.deepEqual(
      outbound.map((entry: Record<string, unknown>) => [entry.messageIdHeader, entry.softBounces, entry.resendAt]),
      [[fullResend.messageId, 2, null]],
      'the team sees one email, resent, and how often it came back',
    );

    // Bruno replied before his resend was due: after his one-step sequence completed, the reply
    // still answers it (the enrollment reads replied, as stats count it); Sam's server is still
    // trying on its own.
    assert.equal((await api.get(`/v1/prospects/${prospectIds.busy}`)).body.status, 'replied');
    assert.deepEqual([(await enrollmentOf('busy')).status, (await enrollmentOf('busy')).stop_reason], ['replied', 'replied']);
    const busyMessage = await messageOf('busy');
    assert.equal(busyMessage.soft_bounces, 1);
    const busyResend = await stack.temporal.client.workflow.getHandle(softBounceResendWorkflowId(busyMessage.id, 1)).result();
    assert.deepEqual([busyResend.outcome, busyResend.reason], ['stopped', 'enrollment_replied']);
    const slowMessage = await messageOf('slow');
    assert.deepEqual([slowMessage.soft_bounces, slowMessage.resend_at], [0, null]);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    assert.deepEqual([sentTo('full').length, sentTo('slow').length, sentTo('busy').length], [2, 1, 1]);
    const stored = await dataSource.query(
      `SELECT count(*)::int AS n FROM inbound_messages WHERE mailbox_id = $1 AND kind = 'bounce'`, [mailboxId],
    );
    assert.equal(stored[0].n, 4, 'every report is stored');
  });
});
