import type { Benchmark } from './benchmark';

export interface BenchPlan {
  readonly selected: { benchmark: Benchmark; n: number }[];
  readonly gapMs: number;
}

export const USAGE = `usage: npm run bench -- [name[=N]...] [--n=N] [--gap=MS]

  name      one or more of: %NAMES% (default: all, always in that order)
  name=N    that benchmark, at size N
  --n=N     size of every selected benchmark without its own (prospects, messages, replies)
  --gap=MS  reply benchmark: milliseconds between two APPENDs (default 250)

examples: npm run bench -- send --n=5000
          npm run bench -- enroll=10000 memory=10000   (the issue's report sizes)`;

export class UsageError extends Error {}

/** Parses `[name[=N]...] [--n=N] [--gap=MS]`; names match by prefix ("mem" is "memory"). */
export function parseArgs(argv: readonly string[], benchmarks: readonly Benchmark[]): BenchPlan | 'help' {
  let n: number | undefined;
  let gapMs = 250;
  const sizes = new Map<Benchmark, number | undefined>();
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return 'help';
    const option = /^--(\w+)=(.*)$/.exec(arg);
    if (option) {
      const [, key, value] = option;
      if (key === 'n') n = positiveInteger(arg, value);
      else if (key === 'gap') gapMs = positiveInteger(arg, value);
      else throw new UsageError(`unknown option ${arg}`);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      const [name, size] = arg.split('=', 2);
      const matches = benchmarks.filter((b) => b.name.startsWith(name.toLowerCase()));
      if (name === '' || matches.length !== 1) throw new UsageError(`no single benchmark named ${name}`);
      sizes.set(matches[0], size === undefined ? undefined : positiveInteger(arg, size));
    }
  }
  // Always in the order of the list: the memory benchmark leaves its enrollments waiting.
  const chosen = sizes.size === 0 ? benchmarks : benchmarks.filter((b) => sizes.has(b));
  return {
    selected: chosen.map((benchmark) => ({ benchmark, n: sizes.get(benchmark) ?? n ?? benchmark.defaultN })),
    gapMs,
  };
}

function positiveInteger(arg: string, value: string): number {
  const parsed = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(parsed) || parsed < 1) throw new UsageError(`${arg}: expected a positive integer`);
  return parsed;
}
