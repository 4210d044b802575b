import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { WorkflowNotFoundError } from '@temporalio/client';
import { EnrollmentRepository } from '../../../libs/db/repositories/enrollment.repository';
import { campaignLaunchWorkflowId, mailboxSyncWorkflowId } from '../../../libs/temporal/contracts';
import { startSmtpCapture, type SmtpCapture } from '../../../tests/harness/smtp-capture';
import { createCampaign, createMailbox, createProspect } from './fixtures';
import { TestApi, TestAccount } from './test-api';

/** Launching starts the launch workflow (no worker runs here: it stays pending) and enrollments read back. */
describe('campaign launch and enrollments', () => {
  let api: TestApi;
  let smtp: SmtpCapture;

  before(async () => {
    [api, smtp] = await Promise.all([TestApi.start(), startSmtpCapture()]);
  });
  after(async () => {
    await api?.close();
    await smtp?.stop();
  });

  async function workflowExists(workflowId: string): Promise<boolean> {
    try {
      await api.temporal.workflow.getHandle(workflowId).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  describe('without eligible prospects', () => {
    let account: TestAccount;
    let campaignId: string;

    before(async () => {
      account = await api.newAccount();
      campaignId = await createCampaign(account, await createMailbox(account, smtp, 1));
    });

    it('answers 422 no_prospects and starts nothing', async () => {
      const res = await account.call('POST', `/v1/campaigns/${campaignId}/launch`, {});
      assert.equal(res.status, 422, res.text);
      assert.deepEqual(res.body, { error: { code: 'no_prospects', message: 'no active prospect to enroll' } });
      assert.equal((await account.call('GET', `/v1/campaigns/${campaignId}`)).body.status, 'draft');
      assert.equal(await workflowExists(campaignLaunchWorkflowId(campaignId)), false);
    });

    it('answers 422 when the listed prospects belong to another account', async () => {
      const other = await api.newAccount('other');
      const foreign = await createProspect(other, 'foreign@example.com');
      const res = await account.call('POST', `/v1/campaigns/${campaignId}/launch`, { prospectIds: [foreign] });
      assert.equal(res.status, 422);
      assert.equal(res.body.error.code, 'no_prospects');
      assert.equal(res.body.error.field, 'prospectIds');
    });

    it('answers 400 on malformed prospect ids and 404 on an unknown campaign', async () => {
      const bad = await account.call('POST', `/v1/campaigns/${campaignId}/launch`, { prospectIds: ['nope'] });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /each value in prospectIds must be a UUID/);
      const unknown = await account.call('POST', `/v1/campaigns/${randomUUID()}/launch`, {});
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, 'not_found');
    });
  });

  describe('with prospects', () => {
    let account: TestAccount;
    let mailboxId: string;
    let campaignId: string;
    let prospects: string[];

    before(async () => {
      account = await api.newAccount();
      mailboxId = await createMailbox(account, smtp, 2);
      campaignId = await createCampaign(account, mailboxId);
      prospects = [await createProspect(account, 'ada@example.com'), await createProspect(account, 'alan@example.com')];
    });

    it('is refused (404) to another account, which cannot see its enrollments either', async () => {
      const other = await api.newAccount('other');
      assert.equal((await other.call('POST', `/v1/campaigns/${campaignId}/launch`, {})).status, 404);
      assert.equal((await other.call('GET', `/v1/campaigns/${campaignId}/enrollments`)).status, 404);
      assert.equal(await workflowExists(campaignLaunchWorkflowId(campaignId)), false);
    });

    it('starts the launch workflow and answers 202 with the eligible count', async () => {
      // No body at all: every eligible prospect.
      const res = await api.request('POST', `/v1/campaigns/${campaignId}/launch`, { key: account.apiKey });
      assert.equal(res.status, 202, res.text);
      assert.deepEqual(res.body, { campaignId, workflowId: campaignLaunchWorkflowId(campaignId), eligibleProspects: 2 });
      const launch = await api.temporal.workflow.getHandle(res.body.workflowId).describe();
      assert.equal(launch.type, 'campaignLaunchWorkflow');
      assert.equal(launch.taskQueue, 'sequences');
      assert.equal(launch.status.name, 'RUNNING');
      const sync = await api.temporal.workflow.getHandle(mailboxSyncWorkflowId(mailboxId)).describe();
      assert.equal(sync.status.name, 'RUNNING');
      assert.equal((await account.call('GET', `/v1/campaigns/${campaignId}`)).body.status, 'launching');
    });

    it('refuses a second launch while the first is running, starting nothing', async () => {
      const handle = api.temporal.workflow.getHandle(campaignLaunchWorkflowId(campaignId));
      const before = (await handle.describe()).runId;
      const res = await account.call('POST', `/v1/campaigns/${campaignId}/launch`, { prospectIds: [prospects[0]] });
      assert.equal(res.status, 409, res.text);
      assert.equal(res.body.error.code, 'conflict');
      assert.match(res.body.error.message, /still running/);
      assert.equal((await handle.describe()).runId, before);
    });

    it('lists the enrollments the launch creates, and shows each one to its account only', async () => {
      assert.deepEqual((await account.call('GET', `/v1/campaigns/${campaignId}/enrollments`)).body, { data: [], nextCursor: null });
      // What the launch workflow's activity does once a worker runs it.
      await new EnrollmentRepository(api.dataSource).enrollNextBatch({ accountId: account.accountId, campaignId, limit: 10 });
      const list = await account.call('GET', `/v1/campaigns/${campaignId}/enrollments`);
      assert.equal(list.status, 200);
      assert.equal(list.body.data.length, 2);
      assert.deepEqual(new Set(list.body.data.map((e: any) => e.prospectId)), new Set(prospects));
      const [first] = list.body.data;
      assert.deepEqual(Object.keys(first).sort(), [
        'createdAt', 'currentStep', 'finishedAt', 'id', 'pauseReason', 'pausedUntil', 'prospectId', 'status', 'stepsSent', 'stopReason',
        'waiting', 'workflowId',
      ]);
      assert.equal(first.status, 'active');
      assert.equal(first.stepsSent, 0);
      assert.equal(first.workflowId, `enrollment:${first.id}`);
      const one = await account.call('GET', `/v1/enrollments/${first.id}`);
      assert.deepEqual(one.body, first);
      const other = await api.newAccount('other');
      assert.equal((await other.call('GET', `/v1/enrollments/${first.id}`)).status, 404);
      assert.equal((await account.call('GET', `/v1/enrollments/${randomUUID()}`)).status, 404);
    });

    it('has nobody left to enroll afterwards', async () => {
      const res = await account.call('POST', `/v1/campaigns/${campaignId}/launch`, {});
      assert.equal(res.status, 422);
      assert.equal(res.body.error.code, 'no_prospects');
    });
  });

  describe('a stopped campaign', () => {
    it('cannot be launched (409), and a launch batch racing the stop enrolls nobody', async () => {
      const account = await api.newAccount('stopped');
      const mailboxId = await createMailbox(account, smtp, 2);
      const campaignId = await createCampaign(account, mailboxId);
      await createProspect(account, 'grace@example.com');
      assert.equal((await account.call('POST', `/v1/campaigns/${campaignId}/stop`)).status, 200);

      const res = await account.call('POST', `/v1/campaigns/${campaignId}/launch`, {});
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'conflict');
      assert.match(res.body.error.message, /a stopped campaign cannot be launched/);
      assert.equal(await workflowExists(campaignLaunchWorkflowId(campaignId)), false);

      // A launch workflow already running when the stop landed: its next batch finds it stopped.
      const batch = await new EnrollmentRepository(api.dataSource).enrollNextBatch({ accountId: account.accountId, campaignId, limit: 10 });
      assert.deepEqual(batch, { enrolled: 0, batch: [] });
      assert.deepEqual((await account.call('GET', `/v1/campaigns/${campaignId}/enrollments`)).body.data, []);
    });
  });
});
