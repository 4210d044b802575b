import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { appendMessage, type ImapSettings } from '@relance/mail';
import type { EnrollmentResult } from '@relance/temporal';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { ApiClient, eventually } from '../support/api-client';
import { rawMail } from '../support/raw-mail';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/** A reply is the prospect's answer to Relance, not to one campaign. */
describe('a reply ends every sequence to the prospect, in every campaign', () => {
  let stack: RelanceStack;
  const rep = imapUser(2);
  const imap = (): ImapSettings => ({ host: testEnv().imap.host, port: testEnv().imap.port, secure: false, username: rep.user, password: rep.password });

  before(async () => {
    stack = await startRelanceStack();
  });

  after(async () => {
    await stack?.stop();
  });

  async function campaign(api: ApiClient, mailboxId: string, name: string, prospectId: string, steps: unknown[]) {
    const created = await api.post('/v1/campaigns', { name, mailboxId, steps });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await api.post(`/v1/campaigns/${created.body.id}/launch`, { prospectIds: [prospectId] })).status, 202);
    const [enrollment] = await eventually(`${name}'s enrollment`, async () => {
      const list = (await api.get(`/v1/campaigns/${created.body.id}/enrollments`)).body.data;
      return list.length > 0 ? list : undefined;
    });
    return { campaignId: created.body.id as string, enrollmentId: enrollment.id as string };
  }

  const reply = (from: string, to: { messageId?: string }) =>
    appendMessage(imap(), 'INBOX', rawMail({
      from, to: rep.user, subject: 'Re: hello', text: 'Interested, call me.', inReplyTo: to.messageId, references: [to.messageId!],
    }), { network: LOOPBACK_MAIL });

  it('a reply to one campaign ends the others at once, saying why, and nothing more leaves', async () => {
    const { api } = await stack.newAccount('Two campaigns');
    const mailboxId = await stack.connectMailbox(api, 2, { minSpacingSeconds: 0 });
    const email = 'ada@two-campaigns.test';
    const prospect = await api.post('/v1/prospects', { email, firstName: 'Ada' });
    // Waits far longer than the test: only the reply can end these sequences in time.
    const threeSteps = (subject: string) => [
      { type: 'email', subject, body: 'Hi {{ firstName }}' }, { type: 'wait', amount: 2, unit: 'hours' }, { type: 'email', body: 'Again' },
    ];
    const first = await campaign(api, mailboxId, 'Intro', prospect.body.id, threeSteps('Intro'));
    const second = await campaign(api, mailboxId, 'Webinar', prospect.body.id, threeSteps('Webinar'));
    const intro = await stack.smtp.waitFor((m) => m.envelope.to.includes(email) && m.subject === 'Intro', 20_000);
    await stack.smtp.waitFor((m) => m.envelope.to.includes(email) && m.subject === 'Webinar', 20_000);

    await reply(email, intro);
    const replied = await eventually('the intro enrollment to end', async () => {
      const enrollment = (await api.get(`/v1/enrollments/${first.enrollmentId}`)).body;
      return enrollment.status === 'replied' ? enrollment : undefined;
    });
    assert.equal(replied.stopReason, 'replied');
    const other = await eventually('the webinar enrollment to end', async () => {
      const enrollment = (await api.get(`/v1/enrollments/${second.enrollmentId}`)).body;
      return enrollment.status === 'stopped' ? enrollment : undefined;
    }, 10_000);
    assert.equal(other.stopReason, 'prospect_replied', 'it says why');
    const otherRun: EnrollmentResult = await stack.temporal.client.workflow.getHandle(`enrollment:${second.enrollmentId}`).result();
    assert.equal(otherRun.outcome, 'stopped', 'its workflow was told, not left waiting two hours');
    assert.equal((await api.get(`/v1/prospects/${prospect.body.id}`)).body.status, 'replied');
    await sleep(1_000);
    assert.equal(stack.smtp.messages.filter((m) => m.envelope.to.includes(email)).length, 2, 'one email per campaign, then nothing');
  });

  it('a reply after the last step was sent still marks the enrollment replied, as the stats count it', async () => {
    const { api } = await stack.newAccount('Late reply');
    const mailboxId = await stack.connectMailbox(api, 2, { minSpacingSeconds: 0 });
    const email = 'late@late-reply.test';
    const prospect = await api.post('/v1/prospects', { email });
    const { campaignId, enrollmentId } = await campaign(api, mailboxId, 'One email', prospect.body.id, [
      { type: 'email', subject: 'Only once', body: 'Hello' },
    ]);
    const sent = await stack.smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
    const completed = await eventually('completion', async () => {
      const enrollment = (await api.get(`/v1/enrollments/${enrollmentId}`)).body;
      return enrollment.status === 'completed' ? enrollment : undefined;
    });
    await reply(email, sent);
    const replied = await eventually('the late reply to count', async () => {
      const enrollment = (await api.get(`/v1/enrollments/${enrollmentId}`)).body;
      return enrollment.status === 'replied' ? enrollment : undefined;
    });
    assert.equal(replied.stopReason, 'replied');
    assert.equal(replied.finishedAt, completed.finishedAt, 'it ended when its last step did');
    const stats = (await api.get(`/v1/campaigns/${campaignId}/stats`)).body;
    assert.equal(stats.totals.replied, 1);
    const repliedEnrollments = (await api.get(`/v1/campaigns/${campaignId}/enrollments`)).body.data
      .filter((enrollment: { status: string }) => enrollment.status === 'replied').length;
    assert.equal(repliedEnrollments, stats.totals.replied, 'status and stats agree');
  });
});
