import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * What the test runner (run-tests.ts) hands to every test process. Tests read these
 * through here, never process.env directly, so a missing variable fails with a message
 * that says how to run the suite.
 */
export interface TestMailUser {
  readonly user: string;
  readonly password: string;
}

export interface TestEnv {
  readonly databaseUrl: string;
  /** The vault's own database (mailbox credentials). */
  readonly vaultDatabaseUrl: string;
  readonly adminDatabaseUrl: string;
  readonly temporalAddress: string;
  readonly temporalNamespace: string;
  /** The Temporal CLI the harness started its server with. */
  readonly temporalCli: string;
  /** `usersFile`: Dovecot's passwd-file (see tests/harness/mail-users.ts). */
  readonly imap: { readonly host: string; readonly port: number; readonly lmtpPort: number; readonly usersFile: string };
  readonly imapUsers: readonly TestMailUser[];
}

let cached: TestEnv | undefined;

export function testEnv(): TestEnv {
  cached ??= Object.freeze({
    databaseUrl: required('DATABASE_URL'),
    vaultDatabaseUrl: required('VAULT_DATABASE_URL'),
    adminDatabaseUrl: required('TEST_ADMIN_DATABASE_URL'),
    temporalAddress: required('TEMPORAL_ADDRESS'),
    temporalNamespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    temporalCli: required('TEST_TEMPORAL_CLI'),
    imap: {
      host: required('TEST_IMAP_HOST'),
      port: Number(required('TEST_IMAP_PORT')),
      lmtpPort: Number(required('TEST_LMTP_PORT')),
      usersFile: required('TEST_IMAP_USERS_FILE'),
    },
    imapUsers: JSON.parse(required('TEST_IMAP_USERS')) as TestMailUser[],
  });
  return cached;
}

/** The n-th Dovecot user (1-based, like rep1@relance.test). */
export function imapUser(n: number): TestMailUser {
  const user = testEnv().imapUsers[n - 1];
  if (!user) throw new Error(`no IMAP test user #${n} (the runner creates ${testEnv().imapUsers.length})`);
  return user;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with "npm test" (tests/harness/run-tests.ts)`);
  return value;
}

/**
 * How test code reaches the test servers, which all listen on loopback: with private hosts
 * allowed, as the runner's MAIL_PRIVATE_HOSTS=allow lets the stacks under test do.
 */
export const LOOPBACK_MAIL = { allowPrivateHosts: true } as const;

/** Where Debian's Chromium package puts its launcher; PATH is searched first. */
const CHROMIUM_NAMES = ['chromium', 'chromium-browser'];

/**
 * The Chromium binary the browser tests drive (playwright-core cannot download one here).
 * Missing, it fails the test with how to install it: a browser test that skips proves nothing.
 */
export function chromiumExecutable(): string {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const dir of [...dirs, '/usr/bin']) {
    for (const name of CHROMIUM_NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new Error('Chromium is not installed, and the console\'s browser tests need it: apt-get install -y chromium (.ci/run installs it)');
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** This test process's environment with `overrides`, for a script a test runs as a child process. */
export function childProcessEnv(overrides: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
