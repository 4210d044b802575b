import { getHeapStatistics } from 'node:v8';
import type { DataSource } from 'typeorm';
import type { Benchmark, BenchContext, BenchOptions } from './support/benchmark';
import {
  createCampaign, createMailbox, createProspects, FIRST_EMAIL, launchCampaign, stopMailboxSync,
} from './support/fixtures';
import { pollUntil, progressLine, safetyTimeoutMs, sleep } from './support/measure';
import { count, mebibytes, perSecond, seconds, type BenchOutcome } from './support/report';
import { startSmtpSink } from './support/smtp-sink';
import { WorkerProcess, type Memory } from './support/worker-process';

/** Goal from the issue: one worker holds 10k waiting enrollments in under 1 GiB. */
const GOAL_BYTES = 2 ** 30;
/** Memory is read this many times, a second apart, once everything waits: the last counts. */
const SAMPLES = 5;

/**
 * The worker as a process of its own: its resident memory idle, then with n enrollments of
 * an [email, wait 1 day, email] campaign all past step 1 and waiting on their timer.
 */
export const workerMemory: Benchmark = {
  name: 'memory',
  title: 'worker memory',
  // The 10,000 take about 15 minutes on 2 cores (memory=10000); 2,000 are four times
  // the worker's workflow cache (WORKER_MAX_CACHED_WORKFLOWS), past which memory stays flat.
  defaultN: 2_000,
  size: (n) => `${count(n)} waiting enrollments`,
  run,
};

async function run(context: BenchContext, { n }: BenchOptions): Promise<BenchOutcome> {
  const { stack, signal, cpu } = context;
  const sink = await startSmtpSink();
  const { api } = await stack.newAccount('Memory bench');
  let mailboxId: string | undefined;
  let worker: WorkerProcess | undefined;
  try {
    worker = await WorkerProcess.start(stack, { ...context });
    cpu.nameChild(worker.pid, 'worker process');
    await sleep(3_000, signal);
    const idle = await worker.memory();
    progressLine(`idle worker process: ${mebibytes(idle.rssBytes)} resident`);

    mailboxId = await createMailbox(api, stack.db, { user: stack.services.mailUsers[3], sink, imap: stack.services.imap });
    progressLine(`${count(n)} prospects through the API`);
    await createProspects(api, n, 'memory.bench');
    const campaign = await createCampaign(api, stack.db, {
      name: 'Memory bench',
      mailboxId,
      steps: [FIRST_EMAIL, { type: 'wait', amount: 1, unit: 'days' }, { type: 'email', body: 'Following up.' }],
    });
    progressLine(`launching ${count(n)} enrollments; waiting until all have sent step 1 and wait`);
    const before = cpu.snapshot();
    const launchedAt = performance.now();
    await launchCampaign(api, campaign.id);
    const running = worker;
    await pollUntil(async () => ((await waiting(stack.db, campaign.id)) >= n ? true : undefined), {
      what: 'enrollments waiting',
      signal,
      timeoutMs: safetyTimeoutMs(n),
      intervalMs: 500,
      progress: async () =>
        `${count(sink.count)} sent, ${count(await waiting(stack.db, campaign.id))} waiting, ` +
        `${mebibytes((await running.memory()).rssBytes)} resident`,
    });
    const allWaitingMs = performance.now() - launchedAt;
    const cpuLine = cpu.describe(before, cpu.snapshot());

    let loaded: Memory = await worker.memory();
    for (let i = 0; i < SAMPLES; i++) {
      await sleep(1_000, signal);
      loaded = await worker.memory();
    }
    // Past the workflow cache's size, waiting workflows are evicted and cost the worker nothing.
    const cache = stack.config.worker.maxCachedWorkflows;
    const perCached = (loaded.rssBytes - idle.rssBytes) / Math.min(n, cache);
    const ratio = loaded.rssBytes / GOAL_BYTES;
    return {
      rows: [
        {
          benchmark: 'worker memory',
          size: `${count(n)} waiting`,
          measured: `${mebibytes(loaded.rssBytes)} RSS (idle ${mebibytes(idle.rssBytes)})`,
          limit: '1 GiB (the goal)',
          ratio,
          goal: '≤ 1×',
          meetsGoal: ratio <= 1,
        },
      ],
      notes: [
        `idle worker process ${mebibytes(idle.rssBytes)}; with ${count(n)} waiting ${mebibytes(loaded.rssBytes)} ` +
          `(peak ${mebibytes(loaded.peakBytes)} while they started)`,
        `launch → all ${count(n)} waiting: ${seconds(allWaitingMs)} (${perSecond(n / (allWaitingMs / 1000))} enrollments/s ` +
          `with the worker in its own process); CPU ${cpuLine}`,
        `workflow cache: ${count(cache)} workflows per Worker (WORKER_MAX_CACHED_WORKFLOWS; the SDK's own default ` +
          `would be ${count(sdkDefaultCachedWorkflows())} here, from the V8 heap limit); ` +
          `${Math.round(perCached / 1024)} KiB per cached workflow: RSS grows with waiting enrollments up to ` +
          `${count(cache)} of them, then stays flat`,
      ],
    };
  } finally {
    await worker?.stop();
    if (mailboxId) await stopMailboxSync(stack.temporal, mailboxId);
    await sink.stop();
  }
}

/** Past step 1 (a row in the outbox, sent) and on the wait step. */
async function waiting(db: DataSource, campaignId: string): Promise<number> {
  const [row] = await db.query(
    `SELECT count(*)::int AS n FROM enrollments WHERE campaign_id = $1 AND status = 'active' AND current_step = 1`,
    [campaignId],
  );
  return row.n;
}

/** What @temporalio/worker 1.24 picks for maxCachedWorkflows when reuseV8Context is on (the default). */
function sdkDefaultCachedWorkflows(): number {
  const heapMiB = getHeapStatistics().heap_size_limit / 2 ** 20;
  return Math.max(Math.floor((Math.max(heapMiB - 200, 0) * 600) / 1024), 10);
}
