import { NestFactory } from '@nestjs/core';
import { createTransport } from 'nodemailer';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { EnrollmentRepository } from '../libs/db';
import { NestPinoLogger } from '../libs/observability';
import { CampaignLauncher } from '../libs/sequencing/campaign-launcher.service';
import { StepSender } from '../libs/sequencing/step-sender.service';
import type { InProcessWorker } from './support/bench-stack';
import type { Benchmark, BenchContext, BenchOptions } from './support/benchmark';
import type { CpuUsage } from './support/cpu-usage';
import {
  createCampaign, createMailbox, createProspects, FIRST_EMAIL, stopMailboxSync, waitForCampaignSettled,
} from './support/fixtures';
import { progressLine, runPool, safetyTimeoutMs } from './support/measure';
import { count, perSecond, seconds, type BenchOutcome, type ResultRow } from './support/report';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';

/** Goal from the issue: the pipeline sends at least half as fast as nodemailer alone. */
const GOAL_RATIO = 0.5;
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
  let worker: InProcessWorker | undefined;
  try {
    const user = stack.services.mailUsers[1];
    progressLine(`limit: nodemailer, ${count(n)} messages`);
    const raw = await rawNodemailer({ sink, n, user: user.user, connections: 1, signal, cpu });
    const raw5 = await rawNodemailer({ sink, n, user: user.user, connections: 5, signal, cpu });
    notes.push(
      `nodemailer, pool of 1 connection: ${seconds(raw.ms)}; CPU ${raw.cpu}`,
      `nodemailer, pool of 5 connections (its default): ${perSecond(raw5.perSecond)} msg/s; CPU ${raw5.cpu}`,
    );

    mailboxId = await createMailbox(api, stack.db, { user, sink, imap: stack.services.imap });
    progressLine(`Relance: ${count(n)} prospects through the API`);
    await createProspects(api, n, 'send.bench');
    const pipelineCampaign = await createCampaign(api, stack.db, { name: 'Pipeline', mailboxId, steps: [FIRST_EMAIL] });
    const directCampaign = await createCampaign(api, stack.db, { name: 'Direct', mailboxId, steps: [FIRST_EMAIL] });

    // Pipeline: the workflows are started with no worker polling; then the worker starts.
    progressLine(`Relance pipeline: starting ${count(n)} enrollment workflows (no worker yet)`);
    await launchWithoutWorker(services.get(CampaignLauncher), pipelineCampaign.id);
    worker = await stack.createWorker();
    progressLine(`Relance pipeline: worker started`);
    let base = sink.count;
    let before = cpu.snapshot();
    const startedAt = performance.now();
    worker.run();
    let lastAt = await sink.waitForCount(base + n, { signal, timeoutMs: safetyTimeoutMs(n), what: 'pipeline' });
    const pipelineCpu = cpu.describe(before, cpu.snapshot());
    const pipelineMs = lastAt - startedAt;
    await waitForCampaignSettled(stack.db, pipelineCampaign.id, { signal, timeoutMs: 120_000 });
    await worker.stop();
    worker = undefined;
    notes.push(`pipeline: ${seconds(pipelineMs)} from worker start to the ${count(n)}th message; CPU ${pipelineCpu}`);

    // StepSender alone: enrollments without workflows, sends called like activities would be.
    progressLine(`Relance StepSender: ${count(n)} sends, ${ACTIVITY_SLOTS} in flight`);
    const enrollmentIds = await enrollWithoutWorkflows(services.get(EnrollmentRepository), accountId, directCampaign.id);
    const stepSender = services.get(StepSender);
    const [stepId] = directCampaign.stepIds;
    const outcomes = new Map<string, number>();
    await runPool(enrollmentIds.slice(0, WARM_UP), ACTIVITY_SLOTS, async (id) => void (await stepSender.send(id, stepId)));
    base = sink.count;
    before = cpu.snapshot();
    const directStartedAt = performance.now();
    await runPool(enrollmentIds.slice(WARM_UP), ACTIVITY_SLOTS, async (id) => {
      if (signal.aborted) return;
      const { outcome } = await stepSender.send(id, stepId);
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    });
    // Only what left counts (pacing may defer a send: the outcomes below say so).
    const measuredDirect = outcomes.get('sent') ?? 0;
    if (measuredDirect === 0) throw new Error(`StepSender sent nothing: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    lastAt = await sink.waitForCount(base + measuredDirect, { signal, timeoutMs: safetyTimeoutMs(n), what: 'StepSender' });
    const directCpu = cpu.describe(before, cpu.snapshot());
    const directMs = lastAt - directStartedAt;
    notes.push(
      `StepSender only: ${seconds(directMs)} for ${count(measuredDirect)} (after ${WARM_UP} unmeasured); ` +
        `outcomes ${[...outcomes].map(([k, v]) => `${k} ${count(v)}`).join(', ')}; CPU ${directCpu}`,
      `one SMTP connection per mailbox (SmtpSender default); database pool ${stack.config.database.poolSize} ` +
        `per process; ${ACTIVITY_SLOTS} activity slots (SDK default)`,
    );

    const row = (benchmark: string, measuredPerSecond: number): ResultRow => ({
      benchmark,
      size: `${count(n)} messages`,
      measured: `${perSecond(measuredPerSecond)} msg/s`,
      limit: `${perSecond(raw.perSecond)} msg/s nodemailer (1 conn)`,
      ratio: measuredPerSecond / raw.perSecond,
      goal: `≥ ${GOAL_RATIO}×`,
      meetsGoal: measuredPerSecond / raw.perSecond >= GOAL_RATIO,
    });
    return {
      rows: [
        row('send pipeline (Temporal)', n / (pipelineMs / 1000)),
        row('send: StepSender only', measuredDirect / (directMs / 1000)),
      ],
      notes,
    };
  } finally {
    await worker?.stop();
    if (mailboxId) await stopMailboxSync(stack.temporal, mailboxId);
    await services.close();
    await sink.stop();
  }
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
