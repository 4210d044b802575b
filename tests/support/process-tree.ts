import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';

/** A running process as /proc tells it: enough to know later whether this very process still runs. */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** The name the process gives itself, which may change: Node 24 names its main thread "MainThread". */
  readonly name: string;
  /** The file it runs ("node", "dovecot"), or its name when /proc does not say. */
  readonly program: string;
  /** Clock ticks after boot: a reused pid has another. */
  readonly startTime: string;
}

function readStat(pid: number): ProcessInfo | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (name) state ppid …": the name may hold spaces and parentheses, so split after the last ')'.
  const close = stat.lastIndexOf(')');
  const name = stat.slice(stat.indexOf('(') + 1, close);
  const fields = stat.slice(close + 2).split(' ');
  // fields[0] is the state; a zombie has exited already.
  if (fields[0] === 'Z') return undefined;
  return { pid, ppid: Number(fields[1]), name, program: programOf(pid) ?? name, startTime: fields[19] };
}

function programOf(pid: number): string | undefined {
  try {
    return basename(readlinkSync(`/proc/${pid}/exe`)).replace(/ \(deleted\)$/, '');
  } catch {
    return undefined; // another user's process, or one that just ended
  }
}

/** Every live descendant of `root` (children, their children…), Linux only. */
export function descendantsOf(root: number): ProcessInfo[] {
  const all = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).flatMap((entry) => readStat(Number(entry)) ?? []);
  const found: ProcessInfo[] = [];
  const parents = [root];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    for (const child of all.filter((process) => process.ppid === parent)) {
      found.push(child);
      parents.push(child.pid);
    }
  }
  return found;
}

/** Whether that process (not merely its pid) still runs. */
export function stillRuns(process: ProcessInfo): boolean {
  return readStat(process.pid)?.startTime === process.startTime;
}
