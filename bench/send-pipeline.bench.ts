import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ImapFlow } from 'imapflow';
import { createTransport } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { EnrollmentRepository } from '@relance/db';
import type { MailUser } from '@relance/devservices';
import { NestPinoLogger } from '@relance/observability';
import { CampaignLauncher } from '@relance/sequencing';
import { StepSender } from '@relance/sending';
import type { Benchmark, BenchContext, BenchOptions } from './support/benchmark';
import type { CpuUsage } from './support/cpu-usage';
import {
  createCampaign, createMailbox, createProspects, FIRST_EMAIL, stopMailboxSync, waitForCampaignSettled,
} from './support/fixtures';
import { progressLine, runPool, safetyTimeoutMs } from './support/measure';
import { count, perSecond, seconds, type BenchOutcome, type ResultRow } from './support/report';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { drainStartedWorkflows } from './support/trivial-workflows';

/**
 * Goal: the pipeline reaches 80 % of what Temporal alone does in its shape (one workflow per
 * prospect, one activity per email), the ceiling of this design on the same server.
 */
const GOAL_RATIO = 0.8;
/** Activities a worker runs at once when nothing else is said: the SDK's default. */
const ACTIVITY_SLOTS = 100;
const WARM_UP = 20;

/**
 * Messages per second from enrollment to SMTP accepted, against nodemailer sending the same
 * number of similar messages through a pool to the same receiver. Two Relance rows:
 * - pipeline: n enrollment workflows already started (the launch activity called directly,
 *   no worker polling yet); the clock starts when the worker starts and stops at the n-th
 *   message accepted: workflow tasks, three activities each, claim, SMTP, outcome.
 * - StepSender only: the send service called with as many sends in flight as a worker has
 *   activity slots, without Temporal: what the service itself can do.
 * The notes add how many copies reached the Sent folder, and the service's rate when the
 * server files sent mail itself (no APPEND of our own).
 * Two more rows measure Temporal alone in the pipeline's shape (n workflows started, then a
 * worker): the ceiling of any design where each email is an activity of its prospect's
 * workflow, and of any design where each email passes through that workflow at all.
 */
export const sendPipeline: Benchmark = {
  name: 'send',
  title: 'send pipeline',
  defaultN: 1_000,
  size: (n) => `${count(n)} messages`,
  run,
};

async function run(context: BenchContext, { n }: BenchOptions): Promise<BenchOutcome> {
  const { stack, signal, cpu } = context;
  const notes: string[] = [];
  const sink = await startSmtpSink();
  const { accountId, api } = await stack.newAccount('Send bench');
  const services = await NestFactory.createApplicationContext(WorkerModule.forRoot(stack.config), {
    logger: new NestPinoLogger(stack.logger),
  });
  let mailboxId: string | undefined;
  try {
    const user = stack.services.mailUsers[1];
    progressLine(`limit: nodemailer, ${count(n)} messages`);
    const raw = await rawNodemailer({ sink, n, user: user.user, connections: 1, signal, cpu });
    const raw5 = await rawNodemailer({ sink, n, user: user.user, connections: 5, signal, cpu });
    notes.push(
      `nodemailer, pool of 1 connection: ${seconds(raw.ms)}; CPU ${raw.cpu}`,
      `nodemailer, pool of 5 connections (its default): ${perSecond(raw5.perSecond)} msg/s; CPU ${raw5.cpu}`,
    );

    const ceilings = await measureTemporalCeilings(context, n);
    notes.push(...ceilings.notes);

    mailboxId = await createMailbox(api, stack.db, { user, sink, imap: stack.services.imap });
    progressLine(`Relance: ${count(n)} prospects through the API`);
    await createProspects(api, n, 'send.bench');
    const campaign = (name: string) => createCampaign(api, stack.db, { name, mailboxId: mailboxId!, steps: [FIRST_EMAIL] });
    const measure: Measure = { context, sink, services, accountId, n };

    const pipeline = await measurePipeline(measure, (await campaign('Pipeline')).id);
    notes.push(`pipeline: ${seconds(pipeline.ms)} from worker start to the ${count(n)}th message; CPU ${pipeline.cpu}`);

    const direct = await measureStepSender(measure, await campaign('Direct'));
    notes.push(`StepSender only: ${direct.summary}`);
    const filed = await sentFolderCount(user, stack.services.imap);
    const sentByRelance = await sentCount(stack.db, mailboxId);
    notes.push(
      `the Sent folder holds ${count(filed)} of the ${count(sentByRelance)} messages Relance sent ` +
        '(copies are APPENDed over one kept IMAP connection per mailbox, one at a time)',
    );

    // The same, when the server files sent mail itself (as Gmail does): no copy to APPEND.
    await stack.db.query(`UPDATE mailboxes SET sent_copy = 'server' WHERE id = $1`, [mailboxId]);
    const serverFiled = await measureStepSender(measure, await campaign('Direct, server files Sent'));
    notes.push(
      `StepSender only, server files Sent itself: ${perSecond(serverFiled.perSecond)} msg/s; ${serverFiled.summary}`,
      `one SMTP connection per mailbox (SmtpSender default); database pool ${stack.config.database.poolSize} ` +
        `per process; ${ACTIVITY_SLOTS} activity slots (SDK default)`,
    );

    const size = `${count(n)} messages`;
    const ceiling = `${perSecond(ceilings.oneActivity)} msg/s Temporal, 1 activity/email`;
    const nodemailer = `${perSecond(raw.perSecond)} msg/s nodemailer (1 conn)`;
    const information = (benchmark: string, measured: number, limit: string, limitPerSecond: number): ResultRow => ({
      benchmark, size, measured: `${perSecond(measured)} msg/s`, limit, ratio: measured / limitPerSecond, goal: 'information', meetsGoal: null,
    });
    return {
      rows: [
        {
          benchmark: 'send pipeline',
          size,
          measured: `${perSecond(pipeline.perSecond)} msg/s`,
          limit: ceiling,
          ratio: pipeline.perSecond / ceilings.oneActivity,
          goal: `≥ ${GOAL_RATIO}×`,
          meetsGoal: pipeline.perSecond / ceilings.oneActivity >= GOAL_RATIO,
        },
        information('send pipeline vs nodemailer', pipeline.perSecond, nodemailer, raw.perSecond),
        information('send: StepSender only', direct.perSecond, nodemailer, raw.perSecond),
        information('ceiling: 1 workflow task/email', ceilings.noActivity, ceiling, ceilings.oneActivity),
      ],
      notes,
    };
  } finally {
    if (mailboxId) await stopMailboxSync(stack.temporal, mailboxId);
    await services.close();
    await sink.stop();
  }
}

interface Measure {
  context: BenchContext;
  sink: SmtpSink;
  /** Relance's services in this process, outside any worker. */
  services: INestApplicationContext;
  accountId: string;
  n: number;
}

/**
 * Temporal alone, in the pipeline's shape: n workflows started with no worker polling, then a
 * worker at the SDK's defaults; rates from its start to the n-th completed.
 */
async function measureTemporalCeilings({ stack, signal, cpu }: BenchContext, n: number) {
  const server = { address: stack.config.temporal.address, namespace: stack.config.temporal.namespace, temporal: stack.temporal };
  const drain = async (workflowType: 'trivialWorkflow' | 'emptyWorkflow', what: string) => {
    progressLine(`limit: Temporal alone, ${count(n)} started workflows, ${what}`);
    const before = cpu.snapshot();
    const run = await drainStartedWorkflows(server, { n, workflowType, signal });
    return { perSecond: run.perSecond, note: `Temporal alone, ${what}: ${seconds(run.seconds * 1000)}; CPU ${cpu.describe(before, cpu.snapshot())}` };
  };
  const oneActivity = await drain('trivialWorkflow', 'one no-op activity each');
  const noActivity = await drain('emptyWorkflow', 'one workflow task each, no activity');
  return { oneActivity: oneActivity.perSecond, noActivity: noActivity.perSecond, notes: [oneActivity.note, noActivity.note] };
}

/** Workflows started with no worker polling; the clock runs from the worker's start. */
async function measurePipeline({ context, sink, services, n }: Measure, campaignId: string) {
  const { stack, signal, cpu } = context;
  progressLine(`Relance pipeline: starting ${count(n)} enrollment workflows (no worker yet)`);
  await launchWithoutWorker(services.get(CampaignLauncher), campaignId);
  const worker = await stack.createWorker();
  try {
    progressLine('Relance pipeline: worker started');
    const base = sink.count;
    const before = cpu.snapshot();
    const startedAt = performance.now();
    worker.run();
    const lastAt = await sink.waitForCount(base + n, { signal, timeoutMs: safetyTimeoutMs(n), what: 'pipeline' });
    const cpuLine = cpu.describe(before, cpu.snapshot());
    await waitForCampaignSettled(stack.db, campaignId, { signal, timeoutMs: 120_000 });
    const ms = lastAt - startedAt;
    return { ms, perSecond: n / (ms / 1000), cpu: cpuLine };
  } finally {
    await worker.stop();
  }
}

/** Enrollments without workflows; the send service called as the activities would call it. */
async function measureStepSender({ context, sink, services, accountId, n }: Measure, campaign: { id: string; stepIds: string[] }) {
  const { signal, cpu } = context;
  progressLine(`Relance StepSender: ${count(n)} sends, ${ACTIVITY_SLOTS} in flight`);
  const enrollmentIds = await enrollWithoutWorkflows(services.get(EnrollmentRepository), accountId, campaign.id);
  const stepSender = services.get(StepSender);
  const [stepId] = campaign.stepIds;
  await runPool(enrollmentIds.slice(0, WARM_UP), ACTIVITY_SLOTS, async (id) => void (await stepSender.send(id, stepId)));
  const outcomes = new Map<string, number>();
  const base = sink.count;
  const before = cpu.snapshot();
  const startedAt = performance.now();
  await runPool(enrollmentIds.slice(WARM_UP), ACTIVITY_SLOTS, async (id) => {
    if (signal.aborted) return;
    const { outcome } = await stepSender.send(id, stepId);
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  });
  // Only what left counts (pacing may defer a send: the outcomes say so).
  const sent = outcomes.get('sent') ?? 0;
  if (sent === 0) throw new Error(`StepSender sent nothing: ${JSON.stringify(Object.fromEntries(outcomes))}`);
  const lastAt = await sink.waitForCount(base + sent, { signal, timeoutMs: safetyTimeoutMs(n), what: 'StepSender' });
  const ms = lastAt - startedAt;
  const summary =
    `${seconds(ms)} for ${count(sent)} (after ${WARM_UP} unmeasured); ` +
    `outcomes ${[...outcomes].map(([k, v]) => `${k} ${count(v)}`).join(', ')}; CPU ${cpu.describe(before, cpu.snapshot())}`;
  return { perSecond: sent / (ms / 1000), summary };
}

/** What the launch workflow does, batch after batch, while no worker polls for the enrollments. */
async function launchWithoutWorker(launcher: CampaignLauncher, campaignId: string): Promise<void> {
  let afterProspectId: string | undefined;
  do {
    ({ lastProspectId: afterProspectId } = await launcher.enrollBatch({ campaignId, afterProspectId }));
  } while (afterProspectId);
  await launcher.markLaunched(campaignId);
}

/** Enrollment rows only, as a launch batch writes them, with no workflow to act on them. */
async function enrollWithoutWorkflows(enrollments: EnrollmentRepository, accountId: string, campaignId: string) {
  const ids: string[] = [];
  let afterProspectId: string | undefined;
  do {
    const result = await enrollments.enrollNextBatch({ accountId, campaignId, afterProspectId, limit: 1_000 });
    ids.push(...result.batch.map((row) => row.enrollmentId));
    afterProspectId = result.lastProspectId;
  } while (afterProspectId);
  return ids;
}

/** nodemailer alone: a pool, `n` similar messages queued at once, timed to the n-th accepted. */
async function rawNodemailer(options: {
  sink: SmtpSink;
  n: number;
  user: string;
  connections: number;
  signal: AbortSignal;
  cpu: CpuUsage;
}): Promise<{ perSecond: number; ms: number; cpu: string }> {
  const { sink, n, user, connections, signal, cpu } = options;
  const transport = createTransport({
    host: sink.host,
    port: sink.port,
    secure: false,
    auth: { user, pass: 'bench-smtp' },
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
    logger: false,
  });
  const tag = `${connections}-${Date.now()}`;
  const send = (i: number) =>
    transport.sendMail({
      from: { name: 'Bench Rep', address: user },
      to: `p${i}@send.bench`,
      subject: `Quick question, P${i}`,
      text: `Hi P${i},\n\nHow is Company ${i} handling outbound today?\n\nBest,\nRita`,
      messageId: `<raw.${tag}.${i}@send.bench>`,
    });
  try {
    await Promise.all(Array.from({ length: WARM_UP }, (_, i) => send(n + i)));
    const base = sink.count;
    const before = cpu.snapshot();
    const started = performance.now();
    const sent = Promise.all(Array.from({ length: n }, (_, i) => send(i)));
    const lastAt = await sink.waitForCount(base + n, { signal, timeoutMs: Math.max(60_000, n * 20), what: 'nodemailer' });
    await sent;
    const ms = lastAt - started;
    return { perSecond: n / (ms / 1000), ms, cpu: cpu.describe(before, cpu.snapshot()) };
  } finally {
    transport.close();
  }
}

/** Messages in the mailbox's Sent folder (the one flagged \Sent, else the one named Sent). */
async function sentFolderCount(user: MailUser, imap: { host: string; port: number }): Promise<number> {
  const client = new ImapFlow({
    host: imap.host, port: imap.port, secure: false, auth: { user: user.user, pass: user.password }, logger: false,
  });
  await client.connect();
  try {
    const folders = await client.list();
    const sent = folders.find((folder) => folder.specialUse === '\\Sent') ?? folders.find((folder) => folder.path === 'Sent');
    if (!sent) return 0;
    const status = await client.status(sent.path, { messages: true });
    return status ? status.messages ?? 0 : 0;
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function sentCount(db: DataSource, mailboxId: string): Promise<number> {
  const [row] = await db.query(`SELECT count(*)::int AS n FROM messages WHERE mailbox_id = $1 AND status = 'sent'`, [mailboxId]);
  return row.n;
}
