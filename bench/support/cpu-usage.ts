import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/**
 * Where the machine's CPU went during a measurement, read from /proc: this process (API,
 * in-process worker, SMTP sink), each service it started (with their descendants), the
 * PostgreSQL backends serving the benchmark's database, and everything else. On a small
 * machine this is what tells which component is the bottleneck.
 */
export interface CpuSnapshot {
  readonly at: number;
  readonly machineBusyTicks: number;
  readonly byGroup: ReadonlyMap<string, number>;
}

interface ProcStat {
  pid: number;
  ppid: number;
  comm: string;
  /** utime + stime + cutime + cstime: reaped children (Dovecot's per-login processes) count too. */
  ticks: number;
}

const TICKS_PER_SECOND = clockTicks();
/** % of one core used outside the benchmark above which its numbers are flagged. */
const BUSY_ELSEWHERE = 25;
const SERVICE_NAMES: Record<string, string> = { temporal: 'Temporal server', dovecot: 'Dovecot', postgres: 'PostgreSQL' };

export class CpuUsage {
  /** Names for this process's direct children, by pid (the services and the worker process). */
  private readonly childNames = new Map<number, string>();

  constructor(private readonly databaseName: string) {}

  nameChild(pid: number, name: string): void {
    this.childNames.set(pid, name);
  }

  snapshot(): CpuSnapshot {
    const stats = readAllStats();
    const byPid = new Map(stats.map((s) => [s.pid, s]));
    const byGroup = new Map<string, number>();
    const add = (group: string, ticks: number) => byGroup.set(group, (byGroup.get(group) ?? 0) + ticks);
    for (const stat of stats) {
      const group = this.groupOf(stat, byPid);
      if (group) add(group, stat.ticks);
    }
    return { at: performance.now(), machineBusyTicks: machineBusyTicks(), byGroup };
  }

  /** "bench process 120%, Temporal server 45%, …" in % of one core, busiest first. */
  describe(from: CpuSnapshot, to: CpuSnapshot): string {
    const seconds = (to.at - from.at) / 1000;
    if (seconds <= 0) return 'n/a';
    const percent = (ticks: number) => (100 * ticks) / TICKS_PER_SECOND / seconds;
    const parts: [string, number][] = [];
    let ours = 0;
    for (const [group, ticks] of to.byGroup) {
      const delta = Math.max(0, ticks - (from.byGroup.get(group) ?? 0));
      ours += delta;
      parts.push([group, percent(delta)]);
    }
    const machine = percent(to.machineBusyTicks - from.machineBusyTicks);
    const others = Math.max(0, machine - percent(ours));
    parts.push(['everything else', others]);
    const shown = parts.filter(([, p]) => p >= 0.5).sort((a, b) => b[1] - a[1]);
    const list = shown.map(([group, p]) => `${group} ${Math.round(p)}%`).join(', ');
    const warning = others >= BUSY_ELSEWHERE ? ' [other processes competed for the CPU: expect lower numbers]' : '';
    return `machine ${Math.round(machine)}% of ${cpus().length * 100}%: ${list}${warning}`;
  }

  private groupOf(stat: ProcStat, byPid: Map<number, ProcStat>): string | undefined {
    if (stat.pid === process.pid) return 'bench process';
    // Walk up to a direct child of ours: a service and whatever it forked.
    let current: ProcStat | undefined = stat;
    for (let depth = 0; current && depth < 8; depth++) {
      if (current.ppid === process.pid) {
        return this.childNames.get(current.pid) ?? SERVICE_NAMES[current.comm] ?? current.comm;
      }
      current = byPid.get(current.ppid);
    }
    if (stat.comm === 'postgres' && cmdline(stat.pid).includes(this.databaseName)) return 'PostgreSQL (bench db)';
    return undefined;
  }
}

function readAllStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name is in parentheses and may itself hold spaces or parentheses.
      const close = text.lastIndexOf(')');
      const comm = text.slice(text.indexOf('(') + 1, close);
      const fields = text.slice(close + 2).split(' ');
      // fields[0] is field 3 (state) of proc(5): ppid is 4, utime..cstime are 14..17.
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
      stats.push({ pid: Number(entry), ppid: Number(fields[1]), comm, ticks });
    } catch {
      // the process ended while we looked
    }
  }
  return stats;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
}

function machineBusyTicks(): number {
  const [cpuLine] = readFileSync('/proc/stat', 'utf8').split('\n');
  const [, ...values] = cpuLine.trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = values;
  return user + nice + system + irq + softirq + (steal ?? 0);
}

function clockTicks(): number {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}
