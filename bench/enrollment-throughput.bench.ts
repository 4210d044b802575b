import type { Benchmark, BenchContext, BenchOptions } from './support/benchmark';
import {
  createCampaign, createMailbox, createProspects, FIRST_EMAIL, launchCampaign, stopMailboxSync, waitForCampaignSettled,
} from './support/fixtures';
import { describeHistory } from './support/history-stats';
import type { InProcessWorker } from './support/bench-stack';
import { progressLine, safetyTimeoutMs } from './support/measure';
import { count, perSecond, seconds, type BenchOutcome } from './support/report';
import { startSmtpSink } from './support/smtp-sink';
import { TrivialWorkflows } from './support/trivial-workflows';

/** Goal from the issue: a launch enrolls at least half as fast as Temporal runs trivial workflows. */
const GOAL_RATIO = 0.5;
/** Run first on each side, unmeasured: bundles loaded, connections and pools open. */
const WARM_UP = 20;

/**
 * Launch → n-th first-step email accepted by SMTP, for a one-email campaign launched through
 * the API; compared with n trivial one-activity workflows on the same Temporal server.
 */
export const enrollmentThroughput: Benchmark = {
  name: 'enroll',
  title: 'enrollment throughput',
  // Keeps the default run near five minutes on 2 cores; the issue reports 10,000 (enroll=10000).
  defaultN: 1_000,
  size: (n) => `${count(n)} prospects`,
  run,
};

async function run(context: BenchContext, { n }: BenchOptions): Promise<BenchOutcome> {
  const { stack, signal, cpu } = context;
  const notes: string[] = [];

  progressLine(`limit: ${count(n)} trivial workflows`);
  const trivial = await TrivialWorkflows.start({
    address: stack.config.temporal.address,
    namespace: stack.config.temporal.namespace,
    temporal: stack.temporal,
  });
  let limit;
  try {
    await trivial.run(WARM_UP, signal);
    const before = cpu.snapshot();
    limit = await trivial.run(n, signal);
    notes.push(`trivial workflows: ${seconds(limit.seconds * 1000)} for ${count(n)}; CPU ${cpu.describe(before, cpu.snapshot())}`);
  } finally {
    await trivial.stop();
  }

  const sink = await startSmtpSink();
  const { api } = await stack.newAccount('Enrollment bench');
  let mailboxId: string | undefined;
  let worker: InProcessWorker | undefined;
  try {
    mailboxId = await createMailbox(api, stack.db, { user: stack.services.mailUsers[0], sink, imap: stack.services.imap });
    progressLine(`Relance: ${count(n)} prospects through the API`);
    const prospectIds = await createProspects(api, n, 'enroll.bench');
    const warmUp = await createCampaign(api, stack.db, { name: 'Warm-up', mailboxId, steps: [FIRST_EMAIL] });
    const campaign = await createCampaign(api, stack.db, { name: 'Enrollment bench', mailboxId, steps: [FIRST_EMAIL] });

    // The warm-up campaign reaches a few of the same prospects; the measured one, all of them.
    worker = await stack.createWorker();
    worker.run();
    await launchCampaign(api, warmUp.id, prospectIds.slice(0, WARM_UP));
    await sink.waitForCount(WARM_UP, { signal, timeoutMs: 60_000, what: 'warm-up' });
    await waitForCampaignSettled(stack.db, warmUp.id, { signal, timeoutMs: 60_000 });

    progressLine(`Relance: launching ${count(n)} enrollments`);
    const base = sink.count;
    const before = cpu.snapshot();
    const launchedAt = performance.now();
    await launchCampaign(api, campaign.id);
    const lastAt = await sink.waitForCount(base + n, {
      signal,
      timeoutMs: safetyTimeoutMs(n),
      what: 'first-step emails',
    });
    const cpuLine = cpu.describe(before, cpu.snapshot());
    const elapsedMs = lastAt - launchedAt;
    const rate = n / (elapsedMs / 1000);
    await waitForCampaignSettled(stack.db, campaign.id, { signal, timeoutMs: 120_000 });

    const [{ workflow_id: sampleWorkflowId }] = await stack.db.query(
      `SELECT workflow_id FROM enrollments WHERE campaign_id = $1 LIMIT 1`,
      [campaign.id],
    );
    notes.push(
      `Relance: ${seconds(elapsedMs)} from the launch request to the ${count(n)}th email accepted ` +
        `(first after ${seconds(sink.acceptedAt(base + 1) - launchedAt)}); CPU ${cpuLine}`,
      `one enrollment (one email step): ${await describeHistory(stack.temporal, sampleWorkflowId)}`,
      `launch batches of ${stack.config.sequencing.launchBatchSize}, 32 workflow starts in flight; ` +
        `database pool ${stack.config.database.poolSize} per process; SDK default worker slots`,
    );
    const ratio = rate / limit.perSecond;
    return {
      rows: [
        {
          benchmark: 'enrollment throughput',
          size: `${count(n)} prospects`,
          measured: `${perSecond(rate)} enrollments/s`,
          limit: `${perSecond(limit.perSecond)} trivial workflows/s`,
          ratio,
          goal: `≥ ${GOAL_RATIO}×`,
          meetsGoal: ratio >= GOAL_RATIO,
        },
      ],
      notes,
    };
  } finally {
    await worker?.stop();
    if (mailboxId) await stopMailboxSync(stack.temporal, mailboxId);
    await sink.stop();
  }
}
