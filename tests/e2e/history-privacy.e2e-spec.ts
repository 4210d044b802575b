import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendMessage } from '@relance/mail';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { eventually } from '../support/api-client';
import { clearTextIn, rawHistoriesSince } from '../support/raw-histories';
import { rawMail } from '../support/raw-mail';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/**
 * Names long enough that ciphertext (or its base64) cannot spell one by chance. Each person
 * meets a different failure; the server replies quote names and companies, as some do.
 */
const refused = { firstName: 'Augustina', lastName: 'Lovelace', company: 'Initechnics', email: 'augustina.lovelace@initechnics.test' };
const retried = { firstName: 'Gracielle', lastName: 'Hopperton', company: 'Univacorp', email: 'gracielle.hopperton@univacorp.test' };
const unnamed = { lastName: 'Turingham', company: 'Bletchleyworks', email: 'alabaster.turingham@bletchleyworks.test' };
const replier = { firstName: 'Katherine', lastName: 'Johnsonne', company: 'Langleyfield', email: 'katherine.johnsonne@langleyfield.test' };
const people = [refused, retried, unnamed, replier];

/** Every way a person could be spelled in a history: addresses, names, companies, and the address's parts. */
const NEEDLES = people.flatMap((person) => [
  person.email, person.email.split('@')[0], ...Object.values(person).filter((value) => !value.includes('@')),
]);

/**
 * Guarantee 5 with failures in the way: a campaign whose sends fail permanently (a 550 naming
 * the person), transiently (a 451 retried by Temporal), on a template the prospect's data
 * cannot fill, and one whose prospect replies; then stopped. Every history of every workflow
 * run involved (launch, enrollments, mailbox sync, control), read raw from Temporal, holds
 * none of their addresses, names or companies, failure messages and stack traces included.
 */
describe('workflow histories: no personal data in clear, failures included', () => {
  let stack: RelanceStack;
  let fourFiftyOnes = 0;

  before(async () => {
    stack = await startRelanceStack({
      smtp: {
        failWith: ({ to }) => {
          if (to.includes(refused.email)) {
            return { code: 550, message: `5.1.1 <${refused.email}>: ${refused.firstName} ${refused.lastName} no longer works at ${refused.company}` };
          }
          if (to.includes(retried.email) && fourFiftyOnes++ === 0) {
            return { code: 451, message: `4.2.2 ${retried.firstName} ${retried.lastName}'s mailbox at ${retried.company} is full, try later` };
          }
          return undefined;
        },
      },
    });
  });

  after(async () => {
    await stack?.stop();
  });

  it('holds no address, name or company of a prospect in any history', async () => {
    const startedAt = new Date(Date.now() - 1_000);
    const { api, smtp } = stack;
    const rep = imapUser(1);
    const mailboxId = await stack.connectMailbox(api, 1, { displayName: 'Rita Rep', minSpacingSeconds: 0 });
    const prospectIds = new Map<string, string>();
    for (const person of people) {
      const created = await api.post('/v1/prospects', person);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      prospectIds.set(person.email, created.body.id);
    }
    const campaign = await api.post('/v1/campaigns', {
      name: 'History privacy',
      mailboxId,
      steps: [
        // Empty for a prospect without a first name: a template_error naming nobody, but failing.
        { type: 'email', subject: '{{ firstName }}', body: 'Hi {{ firstName }} {{ lastName }}, how is {{ company }}?' },
        { type: 'wait', amount: 1, unit: 'days' },
        { type: 'email', body: 'Following up, {{ firstName }}.' },
      ],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    const campaignId: string = campaign.body.id;
    assert.equal((await api.post(`/v1/campaigns/${campaignId}/launch`, { all: true })).status, 202);

    const enrollmentOf = async (person: { email: string }) => {
      const list = await api.get(`/v1/campaigns/${campaignId}/enrollments`);
      return list.body.data.find((e: { prospectId: string }) => e.prospectId === prospectIds.get(person.email));
    };
    const settled = (person: { email: string }, status: string) =>
      eventually(`${person.email} ${status}`, async () => {
        const enrollment = await enrollmentOf(person);
        return enrollment?.status === status ? enrollment : undefined;
      }, 40_000);

    // The replier answers the first email from her mail client, her name in From and in her words.
    const first = await smtp.waitFor((m) => m.envelope.to.includes(replier.email), 20_000);
    const { imap } = testEnv();
    await appendMessage(
      { host: imap.host, port: imap.port, secure: false, username: rep.user, password: rep.password },
      'INBOX',
      rawMail({
        from: `${replier.firstName} ${replier.lastName} <${replier.email}>`,
        to: rep.user,
        subject: `Re: ${first.subject}`,
        text: `Yes, ${replier.company} is interested.\n\n${replier.firstName} ${replier.lastName}`,
        inReplyTo: first.messageId,
        references: [first.messageId!],
      }),
      { network: LOOPBACK_MAIL },
    );
    await settled(replier, 'replied');

    const refusedEnrollment = await settled(refused, 'failed');
    assert.match(refusedEnrollment.stopReason ?? '', /550/, 'the failure is visible to the rep, through the API');
    const unnamedEnrollment = await settled(unnamed, 'failed');
    assert.match(unnamedEnrollment.stopReason ?? '', /template_error/);

    // The 451 was retried by Temporal's policy, then accepted; the sequence then waits a day.
    await smtp.waitFor((m) => m.envelope.to.includes(retried.email), 30_000);
    assert.equal(fourFiftyOnes >= 2, true, 'the first attempt was refused, a retry went through');
    assert.equal((await api.post(`/v1/campaigns/${campaignId}/stop`)).status, 200);
    await settled(retried, 'stopped');
    for (const person of people) {
      const { workflowId } = await enrollmentOf(person);
      await stack.temporal.client.workflow.getHandle(workflowId).result();
    }

    const histories = await rawHistoriesSince(stack.temporal.client, startedAt);
    const types = new Set(histories.map((history) => history.workflowType));
    for (const type of ['campaignLaunchWorkflow', 'enrollmentWorkflow', 'mailboxSyncWorkflow', 'campaignControlWorkflow']) {
      assert.ok(types.has(type), `a ${type} history was read (read: ${[...types].join(', ')})`);
    }
    assert.ok(
      // A retried attempt's failure is kept as the next start's lastFailure.
      histories.some((history) => /"lastFailure"|"activityTaskFailedEventAttributes"/.test(history.json)),
      'an activity failure (the 451) is in a history, so failures were looked at',
    );
    for (const history of histories) {
      assert.deepEqual(clearTextIn(history, NEEDLES), [], `${history.workflowId} (run ${history.runId}) holds personal data in clear`);
    }
  });
});
