import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../../support/api-client';
import { newStaffMember, type TestStaffMember } from '../../support/staff-fixtures';
import { createMailbox } from '../../support/api-fixtures';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { TestAccount, TestApi } from '../../support/test-api';

/** GET /v1/staff/operations: the operators' summary, for operators and admins only. */
describe('operations summary: /v1/staff/operations', () => {
  let api: TestApi;
  let smtp: SmtpCapture;
  let customer: TestAccount;
  let operator: TestStaffMember;
  let admin: TestStaffMember;
  let support: TestStaffMember;
  let failingMailboxId: string;

  before(async () => {
    api = await TestApi.start((config) => ({ ...config, temporal: { ...config.temporal, uiUrl: 'http://127.0.0.1:8233' } }));
    smtp = await startSmtpCapture();
    customer = await api.newAccount('operations');
    operator = await newStaffMember(api.dataSource, 'operator');
    admin = await newStaffMember(api.dataSource, 'admin');
    support = await newStaffMember(api.dataSource, 'support');
    failingMailboxId = await createMailbox(customer, smtp, 4);
    // What a failed sync writes: the server's reply, which may quote the login it refused.
    await api.dataSource.query(`UPDATE mailboxes SET sync_error = $2 WHERE id = $1`, [failingMailboxId, 'login refused for rep@failing.test']);
  });
  after(async () => {
    await api?.close();
    await smtp?.stop();
  });

  it('gives workflows by type, 7 days of traffic, stuck emails, retention runs and failing mailboxes, with ids only', async () => {
    const res = await api.request('GET', '/v1/staff/operations', { key: operator.token });
    assert.equal(res.status, 200, res.text);
    const summary = res.body;
    assert.deepEqual(Object.keys(summary).sort(), ['failingMailboxes', 'generatedAt', 'retentionRuns', 'traffic', 'unknownMessages', 'workflows']);
    assert.equal(summary.workflows.error, undefined, summary.workflows.error);
    const sync = summary.workflows.byType.find((entry: { type: string }) => entry.type === 'mailboxSyncWorkflow');
    assert.ok(sync, JSON.stringify(summary.workflows.byType));
    assert.ok(Array.isArray(summary.workflows.failed) && Array.isArray(summary.workflows.longRunning));
    assert.equal(summary.traffic.length, 7);
    assert.equal(summary.traffic[6].day, summary.generatedAt.slice(0, 10), 'today last');
    for (const day of summary.traffic) {
      assert.deepEqual(Object.keys(day).sort(), ['autoReplies', 'bounceRate', 'bounces', 'complaints', 'day', 'replies', 'sent']);
    }
    assert.equal(typeof summary.unknownMessages.total, 'number');
    assert.ok(Array.isArray(summary.retentionRuns));
    const failing = summary.failingMailboxes.mailboxes.find((m: { mailboxId: string }) => m.mailboxId === failingMailboxId);
    assert.deepEqual([failing?.accountId, failing?.syncError], [customer.accountId, 'login refused for [email]']);
    assert.ok(!res.text.includes('rep@failing.test') && !res.text.includes('@'), 'no address anywhere in the summary');
  });

  it('lists a run that timed out, linked into the Temporal Web UI', async () => {
    // A run nobody polls for, with a one-second limit: Temporal times it out by itself.
    const workflowId = `operations-timeout-${randomUUID()}`;
    const handle = await api.temporal.workflow.start('accountExportWorkflow', {
      taskQueue: 'operations-test-unpolled', workflowId, args: [{}], workflowExecutionTimeout: '1s',
    });
    const listed = await eventually('the timed-out run listed', async () => {
      const res = await api.request('GET', '/v1/staff/operations?limit=100', { key: admin.token });
      assert.equal(res.status, 200, res.text);
      return res.body.workflows.failed.find((run: { workflowId: string }) => run.workflowId === workflowId);
    });
    assert.deepEqual([listed.type, listed.status, listed.runId], ['accountExportWorkflow', 'TimedOut', handle.firstExecutionRunId]);
    assert.equal(listed.uiUrl, `http://127.0.0.1:8233/namespaces/default/workflows/${workflowId}/${handle.firstExecutionRunId}/history`);
    const counts = await api.request('GET', '/v1/staff/operations', { key: operator.token });
    const exports = counts.body.workflows.byType.find((entry: { type: string }) => entry.type === 'accountExportWorkflow');
    assert.ok(exports.byStatus.TimedOut >= 1, JSON.stringify(exports));
  });

  it('refuses support staff (403), customers and anonymous callers (401), and bad limits (400)', async () => {
    const forbidden = await api.request('GET', '/v1/staff/operations', { key: support.token });
    assert.equal(forbidden.status, 403, forbidden.text);
    assert.match(forbidden.body.error.message, /operator, admin/);
    assert.equal((await api.request('GET', '/v1/staff/operations', { key: customer.apiKey })).status, 401);
    assert.equal((await api.request('GET', '/v1/staff/operations')).status, 401);
    const bad = await api.request('GET', '/v1/staff/operations?limit=0', { key: operator.token });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /limit/);
  });
});
