import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findTestFiles } from './find-test-files';
import { logLine } from './logger';
import { startTestServices, type TestServices } from './test-services';

/**
 * `npm test [filter...]`: starts real services on loopback (tests/harness/test-services.ts),
 * runs the compiled specs with Node's test runner, one file at a time, and always tears
 * the services down, also on failure and on Ctrl-C.
 */
const distRoot = resolve(__dirname, '..', '..');
const projectRoot = resolve(distRoot, '..');

let tests: ChildProcess | undefined;
let interruptedBy: NodeJS.Signals | undefined;

function onSignal(signal: NodeJS.Signals): void {
  if (interruptedBy) {
    logLine(`${signal} again: exiting without cleanup`);
    process.exit(128 + constants.signals[signal]);
  }
  interruptedBy = signal;
  logLine(`${signal}: stopping tests and services (send again to exit at once)`);
  tests?.kill(signal);
}

async function main(): Promise<number> {
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const filters = process.argv.slice(2);
  const files = await findTestFiles(distRoot, projectRoot, filters);
  if (files.length === 0) {
    logLine(`no compiled test files${filters.length ? ` match ${filters.join(', ')}` : ''} (run npm run build?)`);
    return 1;
  }
  logLine(`${files.length} test file(s) on Node ${process.version}`);

  const workDir = await mkdtemp(join(tmpdir(), 'relance-test-'));
  await chmod(workDir, 0o755); // the embedded PostgreSQL runs as another user and must enter it
  let services: TestServices | undefined;
  try {
    services = await startTestServices({ projectRoot, workDir });
    if (!interruptedBy) {
      const code = await runTests(files, testProcessEnv(services.env));
      if (!interruptedBy) return code;
    }
    return 128 + constants.signals[interruptedBy];
  } finally {
    await services?.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}

function testProcessEnv(serviceEnv: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...serviceEnv,
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    MAILBOX_SYNC_INTERVAL: '1s',
    // Every test server listens on loopback.
    MAIL_PRIVATE_HOSTS: 'allow',
    // Suites poll the API through one key for minutes (eventually(), every 100 ms): the limiter
    // still counts and answers every request, but only rate-limits.e2e-spec (its own tiny
    // limits) is about reaching it.
    API_RATE_LIMIT: '1000000',
    API_RATE_LIMIT_EXPENSIVE: '1000000',
  };
}

function runTests(files: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const args = ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files];
  return new Promise((resolveExit) => {
    tests = spawn(process.execPath, args, { stdio: 'inherit', env, cwd: projectRoot });
    tests.once('error', (error) => {
      logLine(`could not start the test runner: ${error.message}`);
      resolveExit(1);
    });
    tests.once('exit', (code, signal) => resolveExit(code ?? 128 + constants.signals[signal ?? 'SIGTERM']));
  });
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    logLine(error.message);
    process.exit(1);
  },
);
