/**
 * What a benchmark reports: one or more rows (a measurement, the limit it is compared to,
 * the ratio and the goal) and notes that help read them (sizes, settings, CPU split).
 * Nothing here passes or fails: the goal column only says where the number stands.
 */
export interface ResultRow {
  readonly benchmark: string;
  readonly size: string;
  readonly measured: string;
  readonly limit: string;
  /** measured ÷ limit, as the goal is written. */
  readonly ratio: number;
  readonly goal: string;
  /** Null for a row shown as information, with no goal of its own. */
  readonly meetsGoal: boolean | null;
}

export interface BenchOutcome {
  readonly rows: ResultRow[];
  readonly notes: string[];
}

const HEADERS = ['benchmark', 'size', 'measured', 'limit (same run)', 'ratio', 'goal', 'meets goal'];

export function formatTable(rows: readonly ResultRow[]): string {
  const cells = rows.map((row) => [
    row.benchmark,
    row.size,
    row.measured,
    row.limit,
    Number.isFinite(row.ratio) ? `${ratioText(row.ratio)}×` : '—',
    row.goal,
    row.meetsGoal === null ? '—' : row.meetsGoal ? 'yes' : 'no',
  ]);
  const widths = HEADERS.map((header, i) => Math.max(header.length, ...cells.map((line) => line[i].length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i])).join('  ').trimEnd();
  return [line(HEADERS), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Two significant digits: a ratio is not more precise than that run to run. */
function ratioText(ratio: number): string {
  return ratio >= 10 ? ratio.toFixed(0) : ratio >= 1 ? ratio.toFixed(1) : ratio.toPrecision(2);
}

export function perSecond(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3);
}

export function seconds(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function mebibytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MiB`;
}
