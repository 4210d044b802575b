import type { SmtpRejection } from '../tests/harness/smtp-capture';
import {
  ChaosCampaign, deliveryViolations, describeRun, killWorker, refuseTransiently, restartTemporal, terminateDatabaseConnections,
  type ChaosCampaignOptions, type ChaosCampaignResult,
} from '../tests/chaos';
import { relanceEnv } from './support/bench-stack';
import type { Benchmark, BenchContext, BenchOptions } from './support/benchmark';
import { countDeliveries } from './support/delivery-count';
import { Interrupted, progressLine, safetyTimeoutMs } from './support/measure';
import { count, seconds, type BenchOutcome, type ResultRow } from './support/report';
import { RestartableTemporal } from './support/restartable-temporal';

const EMAIL_STEPS = 3;
const WORKER_KILLS = 5;
const TEMPORAL_RESTARTS = 1;
const DATABASE_TERMINATIONS = 4;
const TRANSIENT_RATE = 0.2;
const GREYLISTED: SmtpRejection = { code: 451, message: '4.7.1 Greylisted, try again later' };
const NO_SUCH_USER: SmtpRejection = { code: 550, message: '5.1.1 Mailbox does not exist' };
const VIOLATIONS_SHOWN = 10;

/**
 * The chaos suite at full size (tests/chaos runs it small in CI). Part 1: one
 * campaign of n prospects × 3 emails while every fault strikes at once: the worker process
 * SIGKILLed 5 times, the Temporal server restarted once, PostgreSQL connections terminated
 * 4 times, SMTP answering 451 to a fifth of attempts. Part 2, smaller and without process
 * faults: a fifth of the prospects answered 550, which must fail after one attempt with the
 * server's reason while the others are delivered. Violations are reported, never thrown.
 */
export const chaos: Benchmark = {
  name: 'chaos',
  title: 'chaos: exactly once under faults',
  defaultN: 200,
  size: (n) => `${count(n)} prospects × ${EMAIL_STEPS} emails`,
  run,
};

async function run(context: BenchContext, { n }: BenchOptions): Promise<BenchOutcome> {
  const { stack, signal, cpu } = context;
  // Its own server, on a file: the runner's in-memory one would lose every workflow on restart.
  const temporal = await RestartableTemporal.start(context);
  try {
    const base = {
      env: { ...relanceEnv(stack.services), TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: 'default' },
      imap: stack.services.imap,
      // Shared with enroll, which only sends from it; send counts its user's Sent folder and
      // reply fills its user's INBOX, which this run's mailbox sync would read.
      mailUser: stack.services.mailUsers[0],
      emailSteps: EMAIL_STEPS,
      log: quietProgress(),
    };

    progressLine(`part 1: ${count(n)} prospects, every fault at once`);
    const before = cpu.snapshot();
    const faults = await runCampaign(signal, {
      ...base,
      prospects: n,
      disruptions: [
        killWorker({ times: WORKER_KILLS }),
        restartTemporal({ times: TEMPORAL_RESTARTS, stop: () => temporal.stop(), start: () => temporal.start() }),
        terminateDatabaseConnections({ times: DATABASE_TERMINATIONS, maxDelayMs: 100 }),
      ],
      smtpAnswer: refuseTransiently(TRANSIENT_RATE, { rejection: GREYLISTED, maxInARow: 2 }),
      timeoutMs: safetyTimeoutMs(n * EMAIL_STEPS),
    });
    const cpuLine = cpu.describe(before, cpu.snapshot());

    const refusalProspects = Math.max(10, Math.ceil(n / 10));
    progressLine(`part 2: ${count(refusalProspects)} prospects, a fifth of them answered 550`);
    const refusals = await runCampaign(signal, {
      ...base,
      prospects: refusalProspects,
      // Every fifth prospect's server refuses for good, from the first attempt on.
      refused: (emails) => new Map(emails.filter((_, i) => i % 5 === 3).map((email) => [email, NO_SUCH_USER])),
      timeoutMs: safetyTimeoutMs(refusalProspects * EMAIL_STEPS),
    });

    return {
      rows: [exactlyOnceRow(faults), permanentRefusalRow(refusals)],
      notes: [
        `part 1: the worker SIGKILLed ${times(WORKER_KILLS)}, Temporal restarted ${times(TEMPORAL_RESTARTS)} on the same ` +
          `file and port, PostgreSQL connections terminated ${times(DATABASE_TERMINATIONS)}, SMTP answering ` +
          `${GREYLISTED.code} to ${TRANSIENT_RATE * 100} % of attempts (at most 2 in a row per recipient), all at once`,
        indent(describeRun(faults.result)),
        `part 1 CPU from setup to the end of the run: ${cpuLine} (the bench process's share includes the killed ` +
          'worker processes and the stopped Temporal server: the kernel credits an exited child to its parent)',
        violationsNote('part 1', faults.violations),
        `part 2: ${count(refusals.refused.size)} of ${count(refusalProspects)} prospects answered ` +
          `${NO_SUCH_USER.code} ${NO_SUCH_USER.message} on every attempt, no other fault`,
        indent(describeRun(refusals.result)),
        violationsNote('part 2', refusals.violations),
      ],
    };
  } finally {
    await temporal.stop();
  }
}

interface CampaignRun {
  readonly result: ChaosCampaignResult;
  readonly refused: ReadonlyMap<string, SmtpRejection>;
  readonly violations: string[];
}

/**
 * One chaos campaign, prepared, run and closed; given up on Ctrl-C. `refused` picks, once
 * the addresses are known, the prospects whose server answers a permanent refusal.
 */
async function runCampaign(
  signal: AbortSignal,
  options: ChaosCampaignOptions & { refused?: (emails: readonly string[]) => Map<string, SmtpRejection> },
): Promise<CampaignRun> {
  const { refused: pickRefused, smtpAnswer: transient, ...campaignOptions } = options;
  let refused = new Map<string, SmtpRejection>();
  const campaign = await ChaosCampaign.prepare({
    ...campaignOptions,
    smtpAnswer: (attempt, random) => refused.get(attempt.recipient) ?? transient?.(attempt, random),
  });
  // Closing pulls the worker, the API and the database from under run(), which then fails.
  const onAbort = () => void campaign.close();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    if (signal.aborted) throw new Interrupted();
    refused = pickRefused?.(campaign.prospectEmails) ?? refused;
    const result = await campaign.run();
    return { result, refused, violations: deliveryViolations(result, { refused }) };
  } catch (error) {
    throw signal.aborted ? new Interrupted() : error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    await campaign.close();
  }
}

function exactlyOnceRow({ result, violations }: CampaignRun): ResultRow {
  const delivered = countDeliveries(result);
  return {
    benchmark: 'chaos (exactly once)',
    size: `${count(result.prospects)} prospects × ${result.emailSteps} emails`,
    measured:
      `${count(delivered.exactlyOnce)} of ${count(delivered.expected)} emails exactly once, ` +
      `${count(delivered.duplicates)} duplicates, ${count(delivered.missing)} missing`,
    limit: 'every step exactly once',
    ratio: delivered.exactlyOnce / delivered.expected,
    goal: '= 1×',
    meetsGoal: violations.length === 0,
  };
}

/** Outcomes: each refused prospect failed once with the reason, each other email delivered once. */
function permanentRefusalRow({ result, refused, violations }: CampaignRun): ResultRow {
  // Whole addresses: "p3@chaos-…" is no substring of "p13@chaos-…".
  const failedCleanly = [...refused.keys()].filter((email) => !violations.some((line) => line.includes(email))).length;
  const delivered = countDeliveries(result, new Set(refused.keys()));
  return {
    benchmark: 'chaos (550 fails once)',
    size: `${count(result.prospects)} prospects, ${count(refused.size)} refused`,
    measured:
      `${count(failedCleanly)} of ${count(refused.size)} failed after 1 attempt with the reason; ` +
      `${count(delivered.exactlyOnce)} of ${count(delivered.expected)} other emails exactly once`,
    limit: "one attempt, the server's reason",
    ratio: (failedCleanly + delivered.exactlyOnce) / (refused.size + delivered.expected),
    goal: '= 1×',
    meetsGoal: violations.length === 0,
  };
}

function violationsNote(part: string, violations: readonly string[]): string {
  if (violations.length === 0) return `${part}: no violations`;
  const shown = violations.slice(0, VIOLATIONS_SHOWN);
  const more = violations.length > shown.length ? ` (the first ${shown.length})` : '';
  return `${part}: ${count(violations.length)} violations${more}:\n      ${shown.join('\n      ')}`;
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

/** Multi-line notes aligned under the runner's "  · " bullet. */
function indent(text: string): string {
  return text.split('\n').join('\n    ');
}

/**
 * The driver's log on the progress stream, its per-poll progress ("enrollments {…}, n
 * accepted", four a second) thinned to one every 10 s as pollUntil does; timeline lines all.
 */
function quietProgress(): (line: string) => void {
  let nextProgressAt = 0;
  return (line) => {
    if (line.startsWith('enrollments ')) {
      if (Date.now() < nextProgressAt) return;
      nextProgressAt = Date.now() + 10_000;
    }
    progressLine(`  ${line}`);
  };
}
