import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { WorkflowNotFoundError } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { loadConfig } from '@relance/config';
import { EncryptionCodec } from '@relance/crypto';
import { EnrollmentRepository } from '@relance/db/repositories/enrollment.repository';
import { LaunchFilterRepository } from '@relance/db/repositories/launch-filter.repository';
import { campaignLaunchWorkflowId, mailboxSyncWorkflowId } from '@relance/temporal/contracts';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { createCampaign, createMailbox, createProspect } from '../../support/api-fixtures';
import { TestApi, TestAccount } from '../../support/test-api';

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
      const res = await account.call('POST', `/v1/campaigns/${campaignId}/launch`, { all: true });
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
      const unknown = await account.call('POST', `/v1/campaigns/${randomUUID()}/launch`, { all: true });
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
      assert.equal((await other.call('POST', `/v1/campaigns/${campaignId}/launch`, { all: true })).status, 404);
      assert.equal((await other.call('GET', `/v1/campaigns/${campaignId}/enrollments`)).status, 404);
      assert.equal(await workflowExists(campaignLaunchWorkflowId(campaignId)), false);
    });

    it('starts the launch workflow and answers 202 with the eligible count', async () => {
      const res = await account.call('POST', `/v1/campaigns/${campaignId}/launch`, { all: true });
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
      const res = await account.call('POST', `/v1/campaigns/${campaignId}/launch`, { all: true });
      assert.equal(res.status, 422);
      assert.equal(res.body.error.code, 'no_prospects');
    });
  });

  /** The launch workflow's input, as the worker will read it. */
  async function launchInput(workflowId: string): Promise<Record<string, unknown>> {
    const history = await api.temporal.workflow.getHandle(workflowId).fetchHistory();
    const payloads = (history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? []) as Payload[];
    const [input] = await new EncryptionCodec(loadConfig().temporal.payloadKeys).decode(payloads);
    return defaultPayloadConverter.fromPayload(input);
  }

  describe('choosing whom to enroll', () => {
    let account: TestAccount;
    let mailboxId: string;
    const people: Record<string, any> = {};
    const THREE_WAYS = /exactly one of: "prospectIds" \(a list of prospect ids\), "all": true \(every eligible prospect of the account\) or "filter"/;

    before(async () => {
      account = await api.newAccount('chooser');
      mailboxId = await createMailbox(account, smtp, 3);
      for (const [name, fields] of Object.entries({
        ada: { company: 'Acme', country: 'FR', timeZone: 'Europe/Paris', tags: ['vip'] },
        alan: { company: 'ACME', country: 'GB', timeZone: 'Europe/London', tags: ['VIP', 'london'] },
        grace: { company: 'Navy', country: 'fr', timeZone: 'America/New_York' },
      })) {
        const res = await account.call('POST', '/v1/prospects', { email: `${name}@choice.test`, ...fields });
        assert.equal(res.status, 201, res.text);
        people[name] = res.body;
      }
    });

    const launch = async (body?: unknown) => {
      const campaignId = await createCampaign(account, mailboxId);
      const res = await api.request('POST', `/v1/campaigns/${campaignId}/launch`, { key: account.apiKey, body });
      return { campaignId, res };
    };

    it('refuses no body, {}, all: false and two choices at once, saying the three ways; nothing starts', async () => {
      const bodies = [undefined, {}, { all: false }, { all: true, prospectIds: [people.ada.id] }, { filter: { country: 'FR' }, all: true }];
      for (const body of bodies) {
        const { campaignId, res } = await launch(body);
        const label = JSON.stringify(body) ?? 'no body';
        assert.equal(res.status, 400, `${label}: ${res.text}`);
        assert.equal(res.body.error.code, 'validation_failed', label);
        assert.match(res.body.error.message, THREE_WAYS, label);
        assert.equal(await workflowExists(campaignLaunchWorkflowId(campaignId)), false, label);
        assert.equal((await account.call('GET', `/v1/campaigns/${campaignId}`)).body.status, 'draft', label);
      }
    });

    it('refuses a filter without criteria, with an unknown one, or with a date-time lacking its offset', async () => {
      const cases: [unknown, string, RegExp][] = [
        [{}, 'filter', /filter must name at least one of company, country, timeZone, createdAfter, createdBefore, tag/],
        [{ list: 'vip' }, 'filter.list', /property filter\.list should not exist/],
        [{ tag: 'x'.repeat(65) }, 'filter.tag', /filter\.tag must be at most 64 characters/],
        [{ createdAfter: '2026-03-01T09:00' }, 'filter.createdAfter', /filter\.createdAfter must be an ISO 8601 date-time with its offset/],
        [{ timeZone: 'Mars/Olympus' }, 'filter.timeZone', /filter\.timeZone must be an IANA time zone/],
        [{ company: '   ' }, 'filter.company', /filter\.company must not be blank/],
      ];
      for (const [filter, field, message] of cases) {
        const { res } = await launch({ filter });
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.error.field, field, res.text);
        assert.match(res.body.error.message, message);
      }
    });

    it('counts and enrolls only the prospects a filter selects; the workflow carries the stored filter id, not the criteria', async () => {
      const { campaignId, res } = await launch({ filter: { company: ' acme ', country: 'fr' } });
      assert.equal(res.status, 202, res.text);
      assert.equal(res.body.eligibleProspects, 1);
      const input = await launchInput(res.body.workflowId);
      assert.deepEqual(Object.keys(input).sort(), ['campaignId', 'filterId']);
      assert.equal(input.campaignId, campaignId);
      assert.ok(!JSON.stringify(input).toLowerCase().includes('acme'), 'no criterion in the workflow input');
      const filter = await new LaunchFilterRepository(api.dataSource).find(input.filterId as string);
      assert.deepEqual(filter, { company: 'acme', country: 'fr' });
      // What the launch workflow's activity does with it once a worker runs it.
      await new EnrollmentRepository(api.dataSource).enrollNextBatch({ accountId: account.accountId, campaignId, filter: filter!, limit: 10 });
      const enrolled = (await account.call('GET', `/v1/campaigns/${campaignId}/enrollments`)).body.data;
      assert.deepEqual(enrolled.map((e: any) => e.prospectId), [people.ada.id]);
    });

    it('selects by time zone, by tag and by when prospects were added', async () => {
      const count = async (filter: object) => {
        const { res } = await launch({ filter });
        assert.equal(res.status, 202, res.text);
        return res.body.eligibleProspects;
      };
      assert.equal(await count({ timeZone: 'america/new_york' }), 1);
      assert.equal(await count({ tag: ' Vip ' }), 2, 'ada and alan, the tag compared lower-case');
      assert.equal(await count({ tag: 'london', country: 'gb' }), 1);
      assert.equal(await count({ createdAfter: people.alan.createdAt }), 2, 'alan and grace: at or after');
      assert.equal(await count({ createdBefore: people.alan.createdAt }), 1, 'ada only: strictly before');
      assert.equal(await count({ createdAfter: people.ada.createdAt, createdBefore: people.grace.createdAt, country: 'GB' }), 1);
    });

    it('launches to everyone only when asked with all: true, and to a list with prospectIds', async () => {
      const all = await launch({ all: true });
      assert.equal(all.res.status, 202, all.res.text);
      assert.equal(all.res.body.eligibleProspects, 3);
      assert.deepEqual(await launchInput(all.res.body.workflowId), { campaignId: all.campaignId });
      const listed = await launch({ prospectIds: [people.grace.id, people.ada.id.toUpperCase()] });
      assert.equal(listed.res.body.eligibleProspects, 2);
      assert.deepEqual(await launchInput(listed.res.body.workflowId), {
        campaignId: listed.campaignId, prospectIds: [people.grace.id, people.ada.id],
      });
    });

    it('answers 422 naming the filter when it selects nobody eligible', async () => {
      const { res } = await launch({ filter: { company: 'Nobody' } });
      assert.equal(res.status, 422, res.text);
      assert.deepEqual(res.body.error, { code: 'no_prospects', message: 'no active prospect to enroll', field: 'filter' });
    });
  });

  describe('a stopped campaign', () => {
    it('cannot be launched (409), and a launch batch racing the stop enrolls nobody', async () => {
      const account = await api.newAccount('stopped');
      const mailboxId = await createMailbox(account, smtp, 2);
      const campaignId = await createCampaign(account, mailboxId);
      await createProspect(account, 'grace@example.com');
      assert.equal((await account.call('POST', `/v1/campaigns/${campaignId}/stop`)).status, 200);

      const res = await account.call('POST', `/v1/campaigns/${campaignId}/launch`, { all: true });
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
