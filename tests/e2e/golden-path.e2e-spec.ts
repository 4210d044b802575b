import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendMessage } from '@relance/mail';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import type { CapturedMessage } from '../harness/smtp-capture';
import { eventually } from '../support/api-client';
import { rawMail } from '../support/raw-mail';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/**
 * The golden path, through the HTTP API only: a three-email sequence to three prospects,
 * one of whom replies to the first email. The replier gets nothing more; the others get
 * every step exactly once, follow-ups threaded on the first email.
 */
describe('golden path: launch, send over SMTP, reply over IMAP, sequence stops', () => {
  let stack: RelanceStack;

  before(async () => {
    // A long polling interval: only IMAP IDLE can see the reply within the 2 s wait.
    stack = await startRelanceStack({ env: { MAILBOX_SYNC_INTERVAL: '30s' } });
  });

  after(async () => {
    await stack?.stop();
  });

  it('stops the replier after step 1 and sends every step once to the others', async () => {
    const rep = imapUser(1);
    const { imap } = testEnv();
    const { api, smtp } = stack;

    const mailboxId = await stack.connectMailbox(api, 1, { displayName: 'Rita Rep', minSpacingSeconds: 0 });

    const people = { A: 'alice@prospects.test', B: 'bob@prospects.test', C: 'carol@prospects.test' };
    const prospectIds: Record<string, string> = {};
    for (const [name, email] of Object.entries(people)) {
      const created = await api.post('/v1/prospects', { email, firstName: name, company: `${name} Corp` });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      prospectIds[name] = created.body.id;
    }

    const campaign = await api.post('/v1/campaigns', {
      name: 'Golden path',
      mailboxId,
      steps: [
        { type: 'email', subject: 'Quick question, {{ firstName }}', body: 'Hi {{ firstName }}, how is {{ company }}?' },
        { type: 'wait', amount: 2, unit: 'seconds' },
        { type: 'email', body: 'Following up, {{ firstName }}.' },
        { type: 'wait', amount: 2, unit: 'seconds' },
        { type: 'email', body: 'Last note, {{ firstName | default: "there" }}.' },
      ],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));

    const launch = await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true });
    assert.equal(launch.status, 202, JSON.stringify(launch.body));

    const firstTo = async (email: string) => smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
    const bobFirst = await firstTo(people.B);
    assert.equal(bobFirst.subject, 'Quick question, B');

    // Bob answers from his mail client: the reply lands in the rep's INBOX.
    await appendMessage(
      { host: imap.host, port: imap.port, secure: false, username: rep.user, password: rep.password },
      'INBOX',
      rawMail({
        from: `Bob <${people.B}>`,
        to: rep.user,
        subject: `Re: ${bobFirst.subject}`,
        text: 'Interested, call me tomorrow.\n\n> Hi B, how is B Corp?',
        inReplyTo: bobFirst.messageId,
        references: [bobFirst.messageId!],
      }),
      { network: LOOPBACK_MAIL },
    );

    const enrollmentOf = async (prospectId: string) => {
      const list = await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`);
      return list.body.data.find((e: { prospectId: string }) => e.prospectId === prospectId);
    };
    const settled = (prospectId: string, status: string) =>
      eventually(`enrollment of ${prospectId} to be ${status}`, async () => {
        const enrollment = await enrollmentOf(prospectId);
        return enrollment?.status === status ? enrollment : undefined;
      }, 30_000);

    const bob = await settled(prospectIds.B, 'replied');
    assert.equal(bob.stopReason, 'replied');
    await settled(prospectIds.A, 'completed');
    await settled(prospectIds.C, 'completed');

    const to = (email: string) => smtp.messages.filter((m) => m.envelope.to.includes(email));
    assert.equal(to(people.B).length, 1, 'the replier receives step 1 only');
    for (const email of [people.A, people.C]) {
      const received = to(email);
      assert.equal(received.length, 3, `${email} receives each of the three emails once`);
      assertThreadedOnFirst(received);
    }
    const bobView = await api.get(`/v1/enrollments/${bob.id}`);
    assert.equal(bobView.body.status, 'replied');
    assert.equal(bobView.body.stepsSent, 1);
  });
});

function assertThreadedOnFirst(messages: CapturedMessage[]) {
  const [first, second, third] = messages;
  assert.ok(first.messageId?.startsWith('<relance.'), 'deterministic Relance Message-ID');
  assert.equal(first.inReplyTo, undefined);
  assert.equal(new Set(messages.map((m) => m.messageId)).size, 3, 'three distinct messages');
  for (const followUp of [second, third]) {
    assert.equal(followUp.inReplyTo, first.messageId);
    assert.deepEqual(followUp.references, [first.messageId]);
    assert.equal(followUp.subject, `Re: ${first.subject}`);
  }
}
