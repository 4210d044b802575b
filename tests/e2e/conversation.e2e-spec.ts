import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { imapUser } from '../harness/env';
import { mailboxSyncWorkflowId } from '@relance/temporal';
import { ApiClient } from '../support/api-client';
import { PEOPLE, RepliedCampaign, runRepliedCampaign } from '../support/replied-campaign';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/** The team's view of a prospect's emails, both ways, through the HTTP API on the real stack. */
describe('prospect conversation', () => {
  const rep = 3;
  let stack: RelanceStack;
  let api: ApiClient;
  let run: RepliedCampaign;

  before(async () => {
    stack = await startRelanceStack();
    api = (await stack.newAccount('Conversation')).api;
    run = await runRepliedCampaign(stack, api, rep);
  });

  after(async () => {
    if (run) await stack.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(run.mailboxId)).terminate('test over').catch(() => undefined);
    await stack?.stop();
  });

  it('lists the email sent and the reply, oldest first', async () => {
    const res = await api.get(`/v1/prospects/${run.prospectIds.B}/conversation`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.nextCursor, null);
    const [sent, reply, ...rest] = res.body.data;
    assert.deepEqual(rest, []);
    assert.deepEqual(
      { ...sent, occurredAt: undefined, sentAt: undefined, messageIdHeader: undefined },
      {
        id: run.messages.B[0], direction: 'outbound', occurredAt: undefined, mailboxId: run.mailboxId,
        campaignId: run.campaignId, enrollmentId: reply.enrollmentId, stepId: run.stepIds[0], status: 'sent',
        sentAt: undefined, softBounces: 0, resendAt: null, kind: null, receivedAt: null, inReplyToMessageId: null, messageIdHeader: undefined,
        from: imapUser(rep).user, to: PEOPLE.B, subject: 'Question for B', bodyText: 'Hi B, shall we talk?',
      },
    );
    assert.match(sent.messageIdHeader, /^<relance\./);
    assert.equal(sent.occurredAt, sent.sentAt);
    assert.equal(reply.direction, 'inbound');
    assert.equal(reply.kind, 'reply');
    assert.equal(reply.inReplyToMessageId, sent.id);
    assert.equal(reply.from, PEOPLE.B);
    assert.equal(reply.to, null);
    assert.equal(reply.subject, 'Re: Question for B');
    assert.match(reply.bodyText, /^Yes, call me\./);
    assert.equal(reply.campaignId, run.campaignId);
    // Ben's clock is a minute behind: the reply still comes after the email it answers.
    assert.ok(reply.receivedAt < sent.sentAt);
    assert.equal(reply.occurredAt, sent.occurredAt);
  });

  it('pages with a cursor: every entry once, in the same order, also across a tie in time', async () => {
    const ann = (await api.get(`/v1/prospects/${run.prospectIds.A}/conversation`)).body.data;
    assert.deepEqual(ann.map((e: any) => e.id), run.messages.A, "Ann's two emails, in step order");
    // Ben's email and his reply share their occurredAt (the reply is placed at the email's time).
    for (const person of ['A', 'B'] as const) {
      const path = `/v1/prospects/${run.prospectIds[person]}/conversation`;
      const all = (await api.get(path)).body.data;
      assert.equal(all.length, 2);
      const first = await api.get(`${path}?limit=1`);
      assert.deepEqual(first.body, { data: [all[0]], nextCursor: all[0].id });
      const second = await api.get(`${path}?limit=1&after=${first.body.nextCursor}`);
      assert.deepEqual(second.body, { data: [all[1]], nextCursor: null });
    }
  });

  it('refuses a bad limit or cursor with 400 naming the field', async () => {
    const path = `/v1/prospects/${run.prospectIds.B}/conversation`;
    // Ann's email is no entry of Ben's conversation: a cursor from another list.
    for (const [query, field] of [['limit=0', 'limit'], ['limit=201', 'limit'], ['limit=x', 'limit'],
      ['after=nope', 'after'], [`after=${run.messages.A[0]}`, 'after'], [`after=${randomUUID()}`, 'after']]) {
      const res = await api.get(`${path}?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error.code, 'validation_failed', query);
      assert.equal(res.body.error.field, field, query);
    }
    assert.equal((await api.get(`${path}?limit=200`)).status, 200);
  });

  it('is 401 without a key, 404 to another account or for an unknown prospect', async () => {
    const path = `/v1/prospects/${run.prospectIds.B}/conversation`;
    assert.equal((await new ApiClient(stack.apiUrl).get(path)).status, 401);
    const other = await stack.newAccount('Elsewhere');
    const foreign = await other.api.get(path);
    assert.equal(foreign.status, 404);
    assert.equal(foreign.body.error.code, 'not_found');
    assert.equal((await api.get(`/v1/prospects/${randomUUID()}/conversation`)).status, 404);
    assert.equal((await api.get('/v1/prospects/nope/conversation')).status, 400);
  });

  it('is empty for a prospect never written to', async () => {
    const created = await api.post('/v1/prospects', { email: 'nobody@stats.test' });
    const res = await api.get(`/v1/prospects/${created.body.id}/conversation`);
    assert.deepEqual(res.body, { data: [], nextCursor: null });
  });
});
