import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendMessage, type ImapSettings } from '@relance/mail';
import { enrollmentWorkflowId, type EnrollmentResult } from '@relance/temporal';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { createNamedProspects, eventually } from '../support/api-client';
import { rawMail } from '../support/raw-mail';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const PEOPLE = { jane: 'jane@acme.test', carl: 'carl@acme.test' } as const;
const COLLEAGUE = 'paul.martin@acme.test';
/** Long enough for the referral to be read (IMAP IDLE) before the second email is due. */
const WAIT_SECONDS = 6;

/**
 * A referral through the real stack: Jane's colleague Bob hits Reply to say she left and names
 * Paul, who took over. It counts as a reply in the campaign's stats, ends Jane's sequence as
 * left_company (a campaign that stops everyone at a company on a reply keeps Carl's going: Jane
 * did not reply), and suggests Paul, whom one call accepts and enrolls: he gets the first email.
 */
describe('referral: a colleague says the prospect left and offers someone else', () => {
  let stack: RelanceStack;

  before(async () => {
    stack = await startRelanceStack();
  });
  after(async () => {
    await stack?.stop();
  });

  it('counts as a reply, ends the prospect as left_company, keeps the colleagues going, suggests and enrolls the new contact', async () => {
    const { smtp, dataSource } = stack;
    const { api } = await stack.newAccount('Referrals');
    const rep = imapUser(4);
    const { imap } = testEnv();
    const imapSettings: ImapSettings = { host: imap.host, port: imap.port, secure: false, username: rep.user, password: rep.password };
    const mailboxId = await stack.connectMailbox(api, 4, { minSpacingSeconds: 0 });
    const prospectIds = await createNamedProspects(api, PEOPLE);
    for (const id of Object.values(prospectIds)) {
      await dataSource.query(`UPDATE prospects SET company = 'Acme' WHERE id = $1`, [id]);
    }
    const campaign = await api.post('/v1/campaigns', {
      name: 'Referrals',
      mailboxId,
      stopOnCompanyReply: true,
      steps: [
        { type: 'email', subject: 'Question for {{ firstName | default: "you" }}', body: 'Hi {{ firstName | default: "there" }}, shall we talk?' },
        { type: 'wait', amount: WAIT_SECONDS, unit: 'seconds' },
        { type: 'email', body: 'Following up.' },
      ],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    const campaignId: string = campaign.body.id;
    assert.equal((await api.post(`/v1/campaigns/${campaignId}/launch`, { all: true })).status, 202);
    const sentTo = (address: string) => smtp.messages.filter((m) => m.envelope.to.includes(address));
    const janeFirst = await smtp.waitFor((m) => m.envelope.to.includes(PEOPLE.jane), 20_000);

    await appendMessage(imapSettings, 'INBOX', rawMail({
      from: 'Bob Stone <bob@acme.test>',
      to: rep.user,
      subject: `Re: ${janeFirst.subject}`,
      text: [
        'Hi,',
        '',
        // Her own address comes first: only the sync, knowing whom we wrote to, can tell it is not the colleague.
        `Jane left the company last month, so ${PEOPLE.jane} is no longer read: please contact Paul Martin at ${COLLEAGUE},`,
        'who took over her accounts.',
        '',
        'Bob',
        '',
        `On ${new Date().toUTCString()}, Rita Rep <${rep.user}> wrote:`,
        '> Hi Jane, shall we talk?',
      ].join('\n'),
      inReplyTo: janeFirst.messageId,
      references: [janeFirst.messageId!],
    }), { network: LOOPBACK_MAIL });

    const enrollmentOf = async (person: keyof typeof PEOPLE) => {
      const list = await api.get(`/v1/campaigns/${campaignId}/enrollments`);
      return list.body.data.find((e: { prospectId: string }) => e.prospectId === prospectIds[person]);
    };
    const settled = (person: keyof typeof PEOPLE, status: string) =>
      eventually(`${person}'s enrollment to be ${status}`, async () => {
        const enrollment = await enrollmentOf(person);
        return enrollment?.status === status ? enrollment : undefined;
      }, 30_000);

    // Jane's sequence ends as left_company: she did not reply, and her address stays usable.
    const jane = await settled('jane', 'stopped');
    assert.equal(jane.stopReason, 'left_company');
    const janeResult: EnrollmentResult = await stack.temporal.client.workflow.getHandle(enrollmentWorkflowId(jane.id)).result();
    assert.deepEqual([janeResult.outcome, janeResult.stepsSent], ['stopped', 1]);
    assert.equal((await api.get(`/v1/prospects/${prospectIds.jane}`)).body.status, 'active');
    const check = await api.get(`/v1/suppressions/check?email=${encodeURIComponent(PEOPLE.jane)}`);
    assert.equal(check.body.suppressed, false);
    const [stored] = await dataSource.query(
      `SELECT i.kind, i.referral FROM inbound_messages i WHERE i.enrollment_id = $1`, [jane.id],
    );
    assert.deepEqual(stored, { kind: 'reply', referral: true });

    // It counts as a reply in the campaign's stats, per prospect and per email.
    const stats = await api.get(`/v1/campaigns/${campaignId}/stats`);
    assert.equal(stats.status, 200, JSON.stringify(stats.body));
    assert.equal(stats.body.totals.replied, 1);
    assert.equal(stats.body.steps[0].replied, 1);

    // Carl, at the same company, is not stopped as a reply would stop him: his sequence runs to its end.
    const carl = await settled('carl', 'completed');
    assert.equal(carl.stopReason, null);
    assert.equal(sentTo(PEOPLE.carl).length, 2);
    assert.equal(sentTo(PEOPLE.jane).length, 1, 'nothing more to someone who left');

    // Paul is suggested, accepted in one call and enrolled in the same campaign: his first email leaves.
    const suggestions = await eventually('the suggestion', async () => {
      const list = await api.get('/v1/prospect-suggestions?status=pending');
      return list.body.data.length > 0 ? list.body.data : undefined;
    });
    assert.deepEqual(
      suggestions.map((s: Record<string, unknown>) => [s.email, s.name, s.campaignId, s.departedProspectId]),
      [[COLLEAGUE, 'Paul Martin', campaignId, prospectIds.jane]],
    );
    const accepted = await api.post(`/v1/prospect-suggestions/${suggestions[0].id}/accept`, {});
    assert.equal(accepted.status, 201, JSON.stringify(accepted.body));
    assert.deepEqual(
      [accepted.body.prospect.email, accepted.body.prospect.firstName, accepted.body.prospect.lastName, accepted.body.prospect.company],
      [COLLEAGUE, 'Paul', 'Martin', 'Acme'],
    );
    const paulFirst = await smtp.waitFor((m) => m.envelope.to.includes(COLLEAGUE), 20_000);
    assert.equal(paulFirst.subject, 'Question for Paul');
    // His sequence runs to its end like anyone's (and leaves no workflow behind for the next suite).
    const paulEnrollment = await eventually("Paul's sequence to complete", async () => {
      const list = await api.get(`/v1/campaigns/${campaignId}/enrollments`);
      const found = list.body.data.find((e: { id: string }) => e.id === accepted.body.enrollment.id);
      return found?.status === 'completed' ? found : undefined;
    }, 30_000);
    assert.equal(paulEnrollment.prospectId, accepted.body.prospect.id);
    assert.equal(sentTo(COLLEAGUE).length, 2);
    assert.equal((await api.get('/v1/prospect-suggestions?status=pending')).body.data.length, 0);
  });
});
