import type { BenchStack } from './bench-stack';
import type { CpuUsage } from './cpu-usage';
import type { BenchOutcome } from './report';

/** What every benchmark is handed by the runner. */
export interface BenchContext {
  readonly stack: BenchStack;
  /** Aborted on Ctrl-C: every wait gives up and the benchmark cleans up after itself. */
  readonly signal: AbortSignal;
  readonly cpu: CpuUsage;
  readonly projectRoot: string;
  readonly workDir: string;
}

export interface BenchOptions {
  /** The benchmark's size: prospects, messages or replies. */
  readonly n: number;
  /** Reply benchmark: milliseconds between two APPENDs. */
  readonly gapMs: number;
}

export interface Benchmark {
  /** What selects it on the command line. */
  readonly name: string;
  readonly title: string;
  readonly defaultN: number;
  /** "2,000 prospects" */
  size(n: number): string;
  run(context: BenchContext, options: BenchOptions): Promise<BenchOutcome>;
}
