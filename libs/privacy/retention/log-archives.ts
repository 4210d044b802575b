import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readFile, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip, gunzipSync } from 'node:zlib';
import type { StoredRequestLog } from './request-log.repository';

const DAY_MS = 86_400_000;
/** request-logs-<UTC day of the rows>-<unique part>.jsonl.gz: the day says when the archive expires. */
const ARCHIVE_NAME = /^request-logs-(\d{4}-\d{2}-\d{2})-[A-Za-z0-9-]+\.jsonl\.gz$/;

export interface ArchiveFile {
  name: string;
  path: string;
  /** The UTC day of the request logs it holds. */
  day: string;
}

/**
 * The request-log archives: gzip files of JSON lines, one file per UTC day of logs per batch
 * moved, in one directory. Written under a temporary name, synced, then renamed, so a file
 * with an archive's name is always complete.
 */
export class LogArchives {
  constructor(private readonly dir: string) {}

  /** Writes `rows` into one archive per UTC day they span; returns the files written. */
  async write(rows: readonly StoredRequestLog[]): Promise<ArchiveFile[]> {
    await mkdir(this.dir, { recursive: true });
    const byDay = new Map<string, StoredRequestLog[]>();
    for (const row of rows) {
      const day = new Date(row.occurredAt).toISOString().slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), row]);
    }
    const written: ArchiveFile[] = [];
    for (const [day, dayRows] of byDay) {
      const name = `request-logs-${day}-${randomUUID()}.jsonl.gz`;
      const path = join(this.dir, name);
      const partial = `${path}.partial`;
      await pipeline(Readable.from(dayRows.map((row) => `${JSON.stringify(row)}\n`)), createGzip(), createWriteStream(partial));
      await syncFile(partial);
      await rename(partial, path);
      written.push({ name, path, day });
    }
    return written;
  }

  async list(): Promise<ArchiveFile[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names.flatMap((name) => {
      const match = ARCHIVE_NAME.exec(name);
      return match ? [{ name, path: join(this.dir, name), day: match[1] }] : [];
    });
  }

  /**
   * Removes the archived rows `match` picks (an erased rep's, a purged account's): each archive
   * holding any is written again without them under a temporary name, then renamed over itself,
   * or deleted when nothing is left. Returns how many rows went.
   */
  async eraseRows(match: (row: StoredRequestLog) => boolean): Promise<number> {
    let erased = 0;
    for (const archive of await this.list()) {
      const rows = gunzipSync(await readFile(archive.path)).toString('utf8').split('\n').filter((line) => line.length > 0)
        .map((line) => JSON.parse(line) as StoredRequestLog);
      const kept = rows.filter((row) => !match(row));
      if (kept.length === rows.length) continue;
      erased += rows.length - kept.length;
      if (kept.length === 0) {
        await unlink(archive.path);
        continue;
      }
      const partial = `${archive.path}.partial`;
      await pipeline(Readable.from(kept.map((row) => `${JSON.stringify(row)}\n`)), createGzip(), createWriteStream(partial));
      await syncFile(partial);
      await rename(partial, archive.path);
    }
    return erased;
  }

  /** Deletes the archives whose whole day ended more than `maxAgeMs` before `now`; returns how many. */
  async destroyOlderThan(maxAgeMs: number, now: Date): Promise<number> {
    let destroyed = 0;
    for (const archive of await this.list()) {
      const dayEnd = Date.parse(`${archive.day}T00:00:00Z`) + DAY_MS;
      if (now.getTime() - dayEnd > maxAgeMs) {
        await unlink(archive.path);
        destroyed += 1;
      }
    }
    return destroyed;
  }
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
