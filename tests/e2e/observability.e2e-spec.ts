import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { appendMessage } from '@relance/mail';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { rawMail } from '../support/raw-mail';
import { enrollmentWorkflowId, TASK_QUEUES } from '@relance/temporal';
import { eventually } from '../support/api-client';
import { launchSequence, type LaunchedSequence } from '../support/launched-sequence';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';
import { newStaffMember, type TestStaffMember } from '../support/staff-fixtures';

const scrape = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
};

/** The value of one sample (`name{labels} value`) in a Prometheus text scrape; undefined when absent. */
function sample(text: string, nameAndLabels: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${nameAndLabels} `));
  return line === undefined ? undefined : Number(line.slice(nameAndLabels.length + 1));
}

/**
 * On the real stack: one email sent shows in the worker's counters beside the Temporal SDK's
 * own metrics, the worker's /health answers, and the API's codec endpoint decrypts a payload
 * the worker encrypted into the enrollment's history.
 */
describe('observability: metrics, worker health and the codec on the real stack', () => {
  let stack: RelanceStack;
  let sequence: LaunchedSequence;
  let operator: TestStaffMember;
  const email = 'metrics.prospect@observed.test';

  before(async () => {
    stack = await startRelanceStack();
    operator = await newStaffMember(stack.dataSource, 'operator');
    sequence = await launchSequence(stack, stack.api, { rep: 3, emails: [email], steps: [{ type: 'email', subject: 'Hi', body: 'Hello' }] });
    await sequence.settled('completed');
  });

  after(async () => {
    await sequence?.stopSync();
    await stack?.stop();
  });

  it("the worker's /metrics counts the send and carries the Temporal SDK's worker metrics", async () => {
    const metrics = await eventually('the send counted', async () => {
      const answer = await scrape(`${stack.workerUrl}/metrics`);
      return (sample(answer.text, 'relance_sends_total{outcome="sent"}') ?? 0) >= 1 ? answer : undefined;
    });
    assert.equal(metrics.status, 200);
    assert.match(metrics.type, /^text\/plain/);
    assert.match(metrics.text, /^# TYPE relance_claim_refusals_total counter$/m);
    assert.match(metrics.text, /^# TYPE relance_bounces_total counter$/m);
    assert.match(metrics.text, /^process_cpu_user_seconds_total /m, "the process's own metrics");
    // The SDK's exporter, bridged: its task-slot and poll metrics are labelled by task queue.
    assert.match(metrics.text, /^temporal_[a-z_]+\{[^}]*task_queue="sequences"[^}]*\} /m, metrics.text.slice(-2000));
    assert.ok(!metrics.text.includes(email) && !metrics.text.includes(sequence.enrollmentIds[email]), 'no person, no row id in a label');
  });

  it("the worker's /metrics counts the prospect's reply once the sync records it", async () => {
    const sent = await stack.smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
    const rep = imapUser(3);
    const { imap } = testEnv();
    await appendMessage(
      { host: imap.host, port: imap.port, secure: false, username: rep.user, password: rep.password },
      'INBOX',
      rawMail({ from: email, to: rep.user, subject: `Re: ${sent.subject}`, text: 'Tell me more.', inReplyTo: sent.messageId, references: [sent.messageId!] }),
      { network: LOOPBACK_MAIL },
    );
    await eventually('the reply counted', async () => {
      const { text } = await scrape(`${stack.workerUrl}/metrics`);
      return sample(text, 'relance_replies_total{kind="reply"}') === 1 ? true : undefined;
    }, 30_000);
  });

  it("a failed workflow shows in the counters (Relance's by activity and workflow type, the SDK's) and in the operators' summary", async () => {
    // A retention run for a job that does not exist: its activity fails for good, and so does the run.
    const workflowId = `observability-failing-${Date.now()}`;
    const handle = await stack.temporal.client.workflow.start('retentionWorkflow', {
      taskQueue: TASK_QUEUES.retention, workflowId, args: [{ job: 'no_such_job' }],
    });
    await assert.rejects(handle.result());
    const text = await eventually('the failure counted', async () => {
      const answer = await scrape(`${stack.workerUrl}/metrics`);
      return /^temporal_workflow_failed\{[^}]*workflow_type="retentionWorkflow"[^}]*\} [1-9]/m.test(answer.text) ? answer.text : undefined;
    });
    assert.equal(sample(text, 'relance_activity_failures_total{activity_type="run_retention_job",task_queue="retention"}'), 1);
    assert.equal(sample(text, 'relance_workflow_failures_total{workflow_type="retention_workflow"}'), 1);
    const summary = await eventually('the failed run listed', async () => {
      const res = await fetch(`${stack.apiUrl}/v1/staff/operations`, { headers: { authorization: `Bearer ${operator.token}` } });
      const body: any = await res.json();
      return body.workflows.failed.some((run: { workflowId: string }) => run.workflowId === workflowId) ? body : undefined;
    });
    const run = summary.workflows.failed.find((r: { workflowId: string }) => r.workflowId === workflowId);
    assert.deepEqual([run.type, run.status], ['retentionWorkflow', 'Failed']);
    const today = summary.traffic.at(-1);
    // The database is shared with the suite's other files: today counts their mail too.
    assert.equal(today.day, summary.generatedAt.slice(0, 10));
    assert.ok(today.sent >= 1 && today.replies >= 1, `today's send and reply: ${JSON.stringify(today)}`);
    assert.equal(today.bounceRate, Math.round((today.bounces / today.sent) * 1000) / 1000, 'the bounce rate is bounces over sends');
  });

  it("the worker's /health names its dependencies; other paths and methods are refused", async () => {
    const health = await fetch(`${stack.workerUrl}/health`);
    const body: any = await health.json();
    assert.equal(health.status, 200, JSON.stringify(body));
    assert.equal(body.status, 'ok');
    assert.deepEqual([body.checks.postgres.status, body.checks.temporal.status, body.checks.workers.status], ['up', 'up', 'up']);
    assert.equal(body.checks.workers.states.sequences, 'RUNNING');
    assert.equal((await fetch(`${stack.workerUrl}/nope`)).status, 404);
    assert.equal((await fetch(`${stack.workerUrl}/metrics`, { method: 'POST' })).status, 405);
  });

  it("the API's /metrics counts its requests and reads the database gauges", async () => {
    await stack.api.get('/v1/campaigns');
    const metrics = await scrape(`${stack.apiUrl}/metrics`);
    assert.equal(metrics.status, 200);
    assert.ok((sample(metrics.text, 'relance_http_requests_total{method="GET",route="/v1/campaigns",status="200"}') ?? 0) >= 1, metrics.text);
    assert.equal(sample(metrics.text, 'relance_messages_unknown') !== undefined, true);
    assert.equal(sample(metrics.text, 'relance_mailboxes_sync_failing') !== undefined, true);
  });

  it('the codec endpoint decrypts the input the worker encrypted into the history, for an operator', async () => {
    const enrollmentId = sequence.enrollmentIds[email];
    const { client } = stack.temporal;
    const page = await client.workflowService.getWorkflowExecutionHistory({
      namespace: client.options.namespace,
      execution: { workflowId: enrollmentWorkflowId(enrollmentId) },
    });
    const started = page.history?.events?.[0]?.workflowExecutionStartedEventAttributes;
    const encrypted = started?.input?.payloads?.[0];
    assert.ok(encrypted?.data, 'the history holds the input payload');
    assert.ok(!Buffer.from(encrypted.data).toString().includes(enrollmentId), 'stored encrypted');
    const wire = {
      payloads: [{
        metadata: Object.fromEntries(Object.entries(encrypted.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
        data: Buffer.from(encrypted.data).toString('base64'),
      }],
    };
    const response = await fetch(`${stack.apiUrl}/codec/decode`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator.token}`, 'content-type': 'application/json', 'x-namespace': client.options.namespace },
      body: JSON.stringify(wire),
    });
    const body: any = await response.json();
    assert.equal(response.status, 200, JSON.stringify(body));
    const [decoded] = body.payloads;
    assert.equal(Buffer.from(decoded.metadata.encoding, 'base64').toString(), 'json/plain');
    assert.equal(JSON.parse(Buffer.from(decoded.data, 'base64').toString()).enrollmentId, enrollmentId);
  });

  it('the Temporal CLI shows the history decrypted through the codec endpoint with an operator token', async () => {
    const enrollmentId = sequence.enrollmentIds[email];
    const { temporalCli } = testEnv();
    const show = (...auth: string[]) => promisify(execFile)(temporalCli, [
      'workflow', 'show', '--address', stack.config.temporal.address, '--namespace', stack.config.temporal.namespace,
      '--workflow-id', enrollmentWorkflowId(enrollmentId), '--output', 'json', '--codec-endpoint', `${stack.apiUrl}/codec`, ...auth,
    ]);
    const { stdout } = await show('--codec-auth', `Bearer ${operator.token}`);
    const started = JSON.parse(stdout).events[0].workflowExecutionStartedEventAttributes;
    const [input] = started.input.payloads;
    assert.equal(Buffer.from(input.metadata.encoding, 'base64').toString(), 'json/plain', 'decrypted by the endpoint');
    assert.equal(JSON.parse(Buffer.from(input.data, 'base64').toString()).enrollmentId, enrollmentId);
  });
});
