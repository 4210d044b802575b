import { Inject, Injectable } from '@nestjs/common';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '@relance/config';

/**
 * Where uploads live: IMPORT_DIR/<accountId>/<jobId>.csv, one folder per account so that
 * closing the account removes them all at once. Paths in the database are relative to IMPORT_DIR.
 */
@Injectable()
export class ImportFiles {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  relativePath(accountId: string, jobId: string): string {
    return `${accountId}/${jobId}.csv`;
  }

  absolutePath(relativePath: string): string {
    return resolve(this.config.imports.dir, relativePath);
  }

  accountFolder(accountId: string): string {
    return resolve(this.config.imports.dir, accountId);
  }

  /**
   * Streams `source` into the file (never whole in memory): written beside it, renamed once
   * complete, so a half-received upload is never read as a file. Returns its size in bytes.
   */
  async write(relativePath: string, source: Readable): Promise<number> {
    const target = this.absolutePath(relativePath);
    const partial = `${target}.partial`;
    await mkdir(dirname(target), { recursive: true });
    try {
      await pipeline(source, createWriteStream(partial, { mode: 0o600 }));
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
    return (await stat(target)).size;
  }

  async remove(relativePath: string): Promise<void> {
    await rm(this.absolutePath(relativePath), { force: true });
  }

  /** Removes every stored upload of the account; returns how many files there were. */
  async removeAccount(accountId: string): Promise<void> {
    await rm(this.accountFolder(accountId), { recursive: true, force: true });
  }
}
