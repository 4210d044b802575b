import type { ApiClient } from '../tests/support/api-client';
import type { Benchmark, BenchContext, BenchOptions } from './support/benchmark';
import {
  createCampaign, createMailbox, createProspects, FIRST_EMAIL, launchCampaign, stopMailboxSync, waitForCampaignSettled,
} from './support/fixtures';
import { progressLine, safetyTimeoutMs } from './support/measure';
import { count, perSecond, seconds, type BenchOutcome } from './support/report';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { WorkerProcess } from './support/worker-process';

/** Mailboxes the prospects are spread over: one SMTP connection each per worker process. */
const MAILBOXES = 4;
/** Two worker processes should do more than one; how much more depends on the cores left to them. */
const GOAL_RATIO = 1.3;

/**
 * Launch → n-th first-step email accepted, with the production worker as separate processes:
 * first one, then two, on the same Temporal server, database and API. The prospects are spread
 * over four mailboxes (a campaign each), as an account with several reps is, so that a single
 * mailbox's SMTP connection is not what both runs measure.
 */
export const scaleOut: Benchmark = {
  name: 'scale',
  title: 'scale-out: one worker process, then two',
  defaultN: 1_000,
  size: (n) => `${count(n)} prospects`,
  run,
};

interface Fleet {
  api: ApiClient;
  mailboxIds: string[];
  /** The prospects of each mailbox, in the same order. */
  prospectIds: string[][];
}

async function run(context: BenchContext, { n }: BenchOptions): Promise<BenchOutcome> {
  const { stack } = context;
  const sink = await startSmtpSink();
  const { api } = await stack.newAccount('Scale-out bench');
  const fleet: Fleet = { api, mailboxIds: [], prospectIds: [] };
  try {
    const users = stack.services.mailUsers.slice(0, MAILBOXES);
    if (users.length < MAILBOXES) throw new Error(`the scale-out benchmark needs ${MAILBOXES} mail users, the harness has ${users.length}`);
    for (const [i, user] of users.entries()) {
      fleet.mailboxIds.push(await createMailbox(api, stack.db, { user, sink, imap: stack.services.imap }));
      fleet.prospectIds.push(await createProspects(api, Math.ceil(n / MAILBOXES), `scale${i}.bench`));
    }
    const total = fleet.prospectIds.reduce((sum, ids) => sum + ids.length, 0);
    const one = await measureWith(context, fleet, sink, 1);
    const two = await measureWith(context, fleet, sink, 2);
    const ratio = two.perSecond / one.perSecond;
    return {
      rows: [{
        benchmark: 'scale-out: 2 worker processes',
        size: `${count(total)} prospects`,
        measured: `${perSecond(two.perSecond)} enrollments/s`,
        limit: `${perSecond(one.perSecond)} enrollments/s, 1 process`,
        ratio,
        goal: `≥ ${GOAL_RATIO}×`,
        meetsGoal: ratio >= GOAL_RATIO,
      }],
      notes: [
        `1 worker process: ${one.summary}`,
        `2 worker processes: ${two.summary}`,
        `${MAILBOXES} mailboxes, a one-email campaign each, launched together through the API; production worker ` +
          '(`node dist/apps/worker/src/main.js`) at its defaults',
      ],
    };
  } finally {
    for (const id of fleet.mailboxIds) await stopMailboxSync(stack.temporal, id);
    await sink.stop();
  }
}

/** Fresh campaigns over the same prospects, launched while `processes` workers poll. */
async function measureWith(context: BenchContext, fleet: Fleet, sink: SmtpSink, processes: number) {
  const { stack, signal, cpu } = context;
  const workers: WorkerProcess[] = [];
  try {
    progressLine(`scale-out: starting ${processes} worker process(es)`);
    for (let i = 0; i < processes; i++) {
      const worker = await WorkerProcess.start(stack, context);
      workers.push(worker);
      cpu.nameChild(worker.pid, `worker process ${i + 1}`);
    }
    const campaigns = [];
    for (const [i, mailboxId] of fleet.mailboxIds.entries()) {
      campaigns.push(await createCampaign(fleet.api, stack.db, { name: `Scale ${processes}/${i}`, mailboxId, steps: [FIRST_EMAIL] }));
    }
    const n = fleet.prospectIds.reduce((sum, ids) => sum + ids.length, 0);
    progressLine(`scale-out: launching ${count(n)} enrollments with ${processes} worker process(es)`);
    const base = sink.count;
    const before = cpu.snapshot();
    const launchedAt = performance.now();
    await Promise.all(campaigns.map((campaign, i) => launchCampaign(fleet.api, campaign.id, fleet.prospectIds[i])));
    const lastAt = await sink.waitForCount(base + n, { signal, timeoutMs: safetyTimeoutMs(n), what: `${processes}-process run` });
    const cpuLine = cpu.describe(before, cpu.snapshot());
    for (const campaign of campaigns) await waitForCampaignSettled(stack.db, campaign.id, { signal, timeoutMs: 120_000 });
    const ms = lastAt - launchedAt;
    return { perSecond: n / (ms / 1000), summary: `${seconds(ms)} from the launches to the ${count(n)}th email; CPU ${cpuLine}` };
  } finally {
    for (const worker of workers) await worker.stop();
  }
}
