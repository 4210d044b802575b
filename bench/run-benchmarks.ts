import 'reflect-metadata';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { constants, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { startTestServices, type TestServices } from '../tests/harness/test-services';
import { accountPurge } from './account-purge.bench';
import { bounceClassify } from './bounce-classify.bench';
import { chaos } from './chaos.bench';
import { enrollmentThroughput } from './enrollment-throughput.bench';
import { erasure } from './erasure.bench';
import { csvImport } from './import.bench';
import { replyLatency } from './reply-latency.bench';
import { scaleOut } from './scale-out.bench';
import { sendPipeline } from './send-pipeline.bench';
import { BenchStack, type BenchServices } from './support/bench-stack';
import type { Benchmark } from './support/benchmark';
import { parseArgs, USAGE, UsageError, type BenchPlan } from './support/cli';
import { CpuUsage } from './support/cpu-usage';
import { Interrupted, progressLine } from './support/measure';
import { formatTable, type BenchOutcome, type ResultRow } from './support/report';
import { workerMemory } from './worker-memory.bench';

/**
 * `npm run bench [-- name... --n=N]`: starts the real services as the tests do (fresh
 * migrated database, Temporal dev server, Dovecot), runs the selected benchmarks one after
 * the other against Relance (API and worker in this process; separate worker processes for
 * memory and chaos), prints each result as it comes and a table at the end, and always stops
 * everything, also on failure and on Ctrl-C. Benchmarks measure; they never fail on a number.
 */
const BENCHMARKS: readonly Benchmark[] = [
  enrollmentThroughput, sendPipeline, scaleOut, replyLatency, workerMemory, chaos, bounceClassify, erasure, accountPurge, csvImport,
];

const distRoot = resolve(__dirname, '..');
const projectRoot = resolve(distRoot, '..');
const interrupt = new AbortController();

function onSignal(signal: NodeJS.Signals): void {
  if (interrupt.signal.aborted) {
    progressLine(`${signal} again: exiting without cleanup`);
    process.exit(128 + constants.signals[signal]);
  }
  progressLine(`${signal}: stopping the benchmark and the services (send again to exit at once)`);
  interrupt.abort();
}

async function main(): Promise<number> {
  let plan: BenchPlan | 'help';
  try {
    plan = parseArgs(process.argv.slice(2), BENCHMARKS);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${usage()}\n`);
    return 2;
  }
  if (plan === 'help') {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const sizes = plan.selected.map(({ benchmark, n }) => `${benchmark.name} ${benchmark.size(n)}`).join(', ');
  out(`Relance benchmarks — ${sizes}`);
  out(`machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);

  const workDir = await mkdtemp(join(tmpdir(), 'relance-bench-'));
  await chmod(workDir, 0o755); // an embedded PostgreSQL runs as another user and must enter it
  let services: TestServices | undefined;
  let stack: BenchStack | undefined;
  const rows: ResultRow[] = [];
  let failures = 0;
  try {
    services = await startTestServices({ projectRoot, workDir, databasePrefix: 'relance_bench' });
    if (interrupt.signal.aborted) return 130;
    const benchServices = toBenchServices(services);
    stack = await BenchStack.start(benchServices);
    const cpu = new CpuUsage(new URL(services.env.DATABASE_URL).pathname.slice(1));
    for (const { benchmark, n } of plan.selected) {
      if (interrupt.signal.aborted) break;
      progressLine(`── ${benchmark.title} (${benchmark.size(n)})`);
      const started = performance.now();
      try {
        const outcome = await benchmark.run(
          { stack, signal: interrupt.signal, cpu, projectRoot, workDir },
          { n, gapMs: plan.gapMs },
        );
        rows.push(...outcome.rows);
        printOutcome(benchmark, outcome, performance.now() - started);
      } catch (error) {
        if (interrupt.signal.aborted || error instanceof Interrupted) break;
        failures++;
        out(`${benchmark.title}: could not be measured: ${(error as Error).stack ?? error}\n`);
      }
    }
    if (rows.length > 0) out(`${formatTable(rows)}\n`);
    if (interrupt.signal.aborted) return 130;
    return failures > 0 ? 1 : 0;
  } finally {
    await stack?.stop().catch((error) => progressLine(`stopping Relance failed: ${error.message}`));
    await services?.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

function toBenchServices(services: TestServices): BenchServices {
  const { TEST_IMAP_HOST, TEST_IMAP_PORT, TEST_IMAP_USERS, ...rest } = services.env;
  return {
    env: rest,
    imap: { host: TEST_IMAP_HOST, port: Number(TEST_IMAP_PORT) },
    mailUsers: JSON.parse(TEST_IMAP_USERS),
  };
}

function printOutcome(benchmark: Benchmark, outcome: BenchOutcome, ms: number): void {
  const lines = [`${benchmark.title} (${Math.round(ms / 1000)} s)`];
  for (const row of outcome.rows) lines.push(`  ${row.benchmark}: ${row.measured} vs ${row.limit}`);
  for (const note of outcome.notes) lines.push(`  · ${note}`);
  out(`${lines.join('\n')}\n`);
}

function usage(): string {
  return USAGE.replace('%NAMES%', BENCHMARKS.map((b) => `${b.name} (${b.size(b.defaultN)})`).join(', '));
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    progressLine(error.stack ?? error.message);
    process.exit(1);
  },
);
