import type { Benchmark } from './benchmark';

export interface BenchPlan {
  readonly selected: { benchmark: Benchmark; n: number }[];
  readonly gapMs: number;
}

export const USAGE = `usage: npm run bench -- [name...] [--n=N] [--gap=MS]

  name      one or more of: %NAMES% (default: all, in that order)
  --n=N     size of every selected benchmark (prospects, messages or replies)
  --gap=MS  reply benchmark: milliseconds between two APPENDs (default 250)

examples: npm run bench -- send --n=5000
          npm run bench -- enroll --n=10000`;

export class UsageError extends Error {}

/** Parses `[name...] [--n=N] [--gap=MS]`; names are matched by prefix ("mem" is "memory"). */
export function parseArgs(argv: readonly string[], benchmarks: readonly Benchmark[]): BenchPlan | 'help' {
  let n: number | undefined;
  let gapMs = 250;
  const names: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return 'help';
    const option = /^--(\w+)=(.*)$/.exec(arg);
    if (option) {
      const [, key, value] = option;
      if (key === 'n') n = positiveInteger(arg, value.replace(/[_,]/g, ''));
      else if (key === 'gap') gapMs = positiveInteger(arg, value);
      else throw new UsageError(`unknown option ${arg}`);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      names.push(arg);
    }
  }
  const chosen = names.length === 0 ? [...benchmarks] : names.map((name) => {
    const matches = benchmarks.filter((b) => b.name.startsWith(name.toLowerCase()));
    if (matches.length !== 1) throw new UsageError(`no single benchmark named ${name}`);
    return matches[0];
  });
  // Always in the order of the list: the memory benchmark leaves 10k workflows waiting.
  const ordered = benchmarks.filter((b) => chosen.includes(b));
  return { selected: ordered.map((benchmark) => ({ benchmark, n: n ?? benchmark.defaultN })), gapMs };
}

function positiveInteger(arg: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new UsageError(`${arg}: expected a positive integer`);
  return parsed;
}
