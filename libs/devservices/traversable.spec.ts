import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ensureTraversable } from './traversable';

describe('ensureTraversable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relance-traversable-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('names the first folder on the way that other users cannot enter, and how to fix it', async () => {
    chmodSync(dir, 0o700);
    mkdirSync(join(dir, 'data'));
    await assert.rejects(
      ensureTraversable(join(dir, 'data', 'mail'), 'Dovecot reads mail as the "mail" user'),
      new Error(
        `Dovecot reads mail as the "mail" user, which cannot enter ${dir} (mode 700); ` +
          `choose a data folder outside it or run chmod o+x ${dir}`,
      ),
    );
  });

  it('accepts a path whose every folder others may enter', async () => {
    chmodSync(dir, 0o755);
    await ensureTraversable(join(dir, 'data', 'mail'), 'Dovecot');
  });
});
