import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LaunchedSequence, launchSequence } from '../support/launched-sequence';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/** Condition steps on the real stack: the branch taken shows in the emails each prospect receives. */
describe('condition steps', () => {
  let stack: RelanceStack;
  const launched: LaunchedSequence[] = [];

  before(async () => {
    stack = await startRelanceStack();
  });

  after(async () => {
    for (const sequence of launched) await sequence.stopSync();
    await stack?.stop();
  });

  const subjectsTo = (email: string) =>
    stack.smtp.messages.filter((m) => m.envelope.to.includes(email)).map((m) => m.subject);

  it('not_replied: without a reply the sequence carries on to the next email', async () => {
    const { api } = await stack.newAccount('Not replied');
    const email = 'quiet@conditions.test';
    const sequence = await launchSequence(stack, api, {
      rep: 1,
      emails: [email],
      steps: [
        { type: 'email', subject: 'Hello', body: 'One' },
        { type: 'wait', amount: 1, unit: 'seconds' },
        { type: 'condition', condition: 'not_replied', sinceStep: 0, then: 'next', else: 'end' },
        { type: 'email', body: 'Two' },
      ],
    });
    launched.push(sequence);
    await sequence.settled('completed');
    assert.deepEqual(subjectsTo(email), ['Hello', 'Re: Hello']);
  });

  it('opened: a prospect who opened the first email gets one follow-up, the others another', async () => {
    const { api, accountId } = await stack.newAccount('Opened');
    const reader = 'reader@conditions.test';
    const skimmer = 'skimmer@conditions.test';
    const sequence = await launchSequence(stack, api, {
      rep: 2,
      emails: [reader, skimmer],
      steps: [
        { type: 'email', subject: 'Intro', body: 'One' },
        { type: 'wait', amount: 5, unit: 'seconds' },
        { type: 'condition', condition: 'opened', sinceStep: 0, then: 3, else: 5 },
        { type: 'email', subject: 'Glad you read it', body: 'Two' },
        // Nobody has replied (a reply ends the sequence anyway): the readers' branch ends here.
        { type: 'condition', condition: 'replied', sinceStep: 0, then: 'next', else: 'end' },
        { type: 'email', subject: 'In case you missed it', body: 'Two, again' },
      ],
    });
    launched.push(sequence);
    for (const email of [reader, skimmer]) await stack.smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
    // As the tracking pixel would record it, well before the wait ends.
    const inserted = await stack.dataSource.query(
      `INSERT INTO tracking_events (account_id, message_id, kind)
       SELECT $1, m.id, 'open' FROM messages m WHERE m.enrollment_id = $2 RETURNING id`,
      [accountId, sequence.enrollmentIds[reader]],
    );
    assert.equal(inserted.length, 1);

    await sequence.settled('completed');
    assert.deepEqual(subjectsTo(reader), ['Intro', 'Glad you read it']);
    assert.deepEqual(subjectsTo(skimmer), ['Intro', 'In case you missed it']);
    const enrollment = (await api.get(`/v1/enrollments/${sequence.enrollmentIds[reader]}`)).body;
    assert.equal(enrollment.stepsSent, 2);
  });
});
