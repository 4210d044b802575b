import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { chromiumExecutable } from '../harness/env';

const root = resolve(__dirname, '..', '..', '..');

/** Screenshots and other evidence a browser test leaves (gitignored), one folder per run of the suite. */
export const ARTIFACTS_DIR = join(root, 'test-artifacts');

/**
 * Debian's Chromium, headless, driven by playwright-core (TOOLCHAIN.md: no browser download
 * here). Playwright gives each launch a fresh profile of its own; the flags keep Chromium
 * off the network and quiet.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumExecutable(),
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
    ],
  });
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
