import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WorkflowNotFoundError } from '@temporalio/client';
import { eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/**
 * What the prospect routes do to sending, on the real stack (API, worker, Temporal dev server,
 * SMTP capture): no launch enrolls a prospect restricted with PATCH, and a running sequence
 * stops at its next email, the send claim refusing it; a bulk delete ends running sequences
 * and their workflows as forget does.
 */
describe('prospect routes and sending', () => {
  let stack: RelanceStack;

  before(async () => {
    stack = await startRelanceStack();
  });
  after(() => stack?.stop());

  it('a launch skips a restricted prospect; restricting one mid-sequence stops it before its next email', async () => {
    const { api } = await stack.newAccount('Restricted by the rep');
    const mailboxId = await stack.connectMailbox(api, 2, { minSpacingSeconds: 0 });
    const ids: Record<string, string> = {};
    for (const email of ['held@restricted.test', 'mailed@restricted.test']) {
      const created = await api.post('/v1/prospects', { email });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      ids[email] = created.body.id;
    }
    const held = await api.request('PATCH', `/v1/prospects/${ids['held@restricted.test']}`, { restricted: true });
    assert.equal(held.status, 200, JSON.stringify(held.body));
    assert.equal(held.body.restricted, true);

    const campaign = await api.post('/v1/campaigns', {
      name: 'Restriction', mailboxId,
      steps: [{ type: 'email', subject: 'Hello', body: 'First' }, { type: 'wait', amount: 4, unit: 'seconds' }, { type: 'email', body: 'Second' }],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    const onlyHeld = await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { prospectIds: [ids['held@restricted.test']] });
    assert.equal(onlyHeld.status, 422, 'choosing only the restricted prospect enrolls nobody');
    assert.equal(onlyHeld.body.error.code, 'no_prospects');
    const launched = await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true });
    assert.equal(launched.status, 202, JSON.stringify(launched.body));
    assert.equal(launched.body.eligibleProspects, 1);

    await stack.smtp.waitFor((m) => m.to.includes('mailed@restricted.test'), 20_000);
    const enrollments = async () => (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data as any[];
    assert.deepEqual((await enrollments()).map((e) => e.prospectId), [ids['mailed@restricted.test']]);
    const listed = await api.get(`/v1/prospects?campaign=${campaign.body.id}`);
    assert.deepEqual(listed.body.data.map((p: any) => p.email), ['mailed@restricted.test']);

    // Restricted during the wait between the two emails: the second is never sent.
    const restricted = await api.request('PATCH', `/v1/prospects/${ids['mailed@restricted.test']}`, { restricted: true });
    assert.equal(restricted.status, 200, JSON.stringify(restricted.body));
    const [stopped] = await eventually('the enrollment stopped', async () => {
      const list = await enrollments();
      return list.every((e) => e.status === 'stopped') ? list : undefined;
    }, 30_000);
    assert.equal(stopped.stopReason, 'prospect_restricted');
    assert.equal(stack.smtp.messages.filter((m) => m.to.includes('mailed@restricted.test')).length, 1, 'the second email never went');
    assert.equal(stack.smtp.messages.filter((m) => m.to.includes('held@restricted.test')).length, 0, 'the restricted prospect got nothing');
    const [{ n }] = await stack.dataSource.query(
      `SELECT count(*)::int AS n FROM messages m JOIN enrollments e ON e.id = m.enrollment_id WHERE e.prospect_id = $1`,
      [ids['held@restricted.test']],
    );
    assert.equal(n, 0, 'no outbox row either');
  });

  it('a bulk delete mid-sequence stops the sequences and deletes their workflows: no second email', async () => {
    const { api } = await stack.newAccount('Bulk deleting');
    const mailboxId = await stack.connectMailbox(api, 3, { minSpacingSeconds: 0 });
    const emails = ['first.gone@bulk-delete.test', 'second.gone@bulk-delete.test'];
    const ids: string[] = [];
    for (const email of emails) {
      const created = await api.post('/v1/prospects', { email });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      ids.push(created.body.id);
    }
    const campaign = await api.post('/v1/campaigns', {
      name: 'Bulk delete', mailboxId,
      steps: [{ type: 'email', subject: 'Hello', body: 'First' }, { type: 'wait', amount: 4, unit: 'seconds' }, { type: 'email', body: 'Second' }],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    for (const email of emails) await stack.smtp.waitFor((m) => m.to.includes(email), 20_000);
    const workflowIds: string[] = (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data.map((e: any) => e.workflowId);
    assert.equal(workflowIds.length, 2);

    const res = await api.post('/v1/prospects/bulk', { action: 'delete', ids });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body.results, ids.map((id) => ({ id, outcome: 'deleted' })));
    assert.deepEqual((await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data, []);
    // Deleting a running workflow terminates it first: none is left to send the second email.
    for (const workflowId of workflowIds) {
      await eventually(`workflow ${workflowId} gone`, async () => {
        try {
          const run = await stack.temporal.client.workflow.getHandle(workflowId).describe();
          return run.status.name === 'RUNNING' ? undefined : true;
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) return true;
          throw error;
        }
      }, 20_000);
    }
    for (const email of emails) {
      assert.equal(stack.smtp.messages.filter((m) => m.to.includes(email)).length, 1, `${email}: the second email never went`);
    }
    const [{ n }] = await stack.dataSource.query(`SELECT count(*)::int AS n FROM prospects WHERE id = ANY($1)`, [ids]);
    assert.equal(n, 0);
  });
});
