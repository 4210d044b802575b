import type { SmtpRejection } from '../harness/smtp-capture';
import type { SeededRandom } from './seeded-random';
import type { WorkerProcess } from './worker-process';

/** What a disruption may use while the campaign runs. */
export interface ChaosContext {
  readonly worker: WorkerProcess;
  /** The disruption's own generator, derived from the run's seed. */
  readonly random: SeededRandom;
  /** Emails the campaign should deliver in all (prospects × email steps). */
  readonly expectedSends: number;
  /** Messages the SMTP server has accepted so far. */
  accepted(): number;
  /** Resolves true once `n` messages were accepted, false if the run ended first. */
  untilAccepted(n: number): Promise<boolean>;
  /** Resolves true after `ms`, false as soon as the run ends. */
  sleep(ms: number): Promise<boolean>;
  /** SQL on the driver's own connection, which no disruption terminates. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Adds a line to the run's timeline. */
  record(line: string): void;
}

/** Something that goes wrong while the campaign runs. */
export interface Disruption {
  readonly name: string;
  run(context: ChaosContext): Promise<void>;
}

/** One SMTP attempt as the server sees it, to decide its answer. */
export interface SmtpAttempt {
  readonly recipient: string;
  /** 1 for the first message to this recipient, 2 for the next (a retry or a later step)… */
  readonly attempt: number;
}

/** How the SMTP server answers an attempt: undefined accepts it. `random` is seeded by the run. */
export type SmtpAnswer = (attempt: SmtpAttempt, random: SeededRandom) => SmtpRejection | undefined;

/**
 * `times` moments of the run, as counts of accepted messages to wait for: one at random in
 * each of `times` equal stretches of the first 85 % of the sends, so they are spread over
 * the run and the last one still finds work under way.
 */
export function randomProgressPoints(context: ChaosContext, times: number): number[] {
  const span = Math.max(times, Math.floor(context.expectedSends * 0.85));
  return Array.from({ length: times }, (_, i) => {
    const from = 1 + Math.floor((i * span) / times);
    const to = Math.max(from, Math.floor(((i + 1) * span) / times));
    return context.random.between(from, to);
  });
}

/** SIGKILL the worker process `times` times at random moments, starting a new one each time. */
export function killWorker(options: { times: number; maxDelayMs?: number }): Disruption {
  return {
    name: `SIGKILL the worker ×${options.times}`,
    async run(context) {
      // Each worker sends at least one message before it is killed: a crash during start-up
      // alone proves little and costs a restart.
      let floor = 1;
      for (const point of randomProgressPoints(context, options.times)) {
        if (!(await context.untilAccepted(Math.max(point, floor)))) return;
        if (!(await context.sleep(context.random.between(0, options.maxDelayMs ?? 500)))) return;
        await context.worker.kill();
        context.record(`worker SIGKILLed (${context.accepted()} accepted)`);
        await context.worker.start();
        context.record(`worker #${context.worker.starts} ready`);
        floor = context.accepted() + 1;
      }
    },
  };
}

/** Terminate every other PostgreSQL connection to Relance's database, `times` times. */
export function terminateDatabaseConnections(options: { times: number; maxDelayMs?: number }): Disruption {
  return {
    name: `terminate PostgreSQL connections ×${options.times}`,
    async run(context) {
      for (const point of randomProgressPoints(context, options.times)) {
        if (!(await context.untilAccepted(point))) return;
        if (!(await context.sleep(context.random.between(0, options.maxDelayMs ?? 500)))) return;
        const rows = await context.query<{ terminated: boolean }>(
          `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
           WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        context.record(`terminated ${rows.filter((r) => r.terminated).length} PostgreSQL connections (${context.accepted()} accepted)`);
      }
    },
  };
}

/**
 * Stop the Temporal server and start it again, `times` times, with work in flight. `start`
 * must bring it back at the same address on the same state (same --db-filename and port):
 * then the worker and the API reconnect by themselves and no workflow is lost.
 */
export function restartTemporal(options: {
  times: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}): Disruption {
  return {
    name: `restart Temporal ×${options.times}`,
    async run(context) {
      for (const point of randomProgressPoints(context, options.times)) {
        if (!(await context.untilAccepted(point))) return;
        await options.stop();
        context.record(`Temporal stopped (${context.accepted()} accepted)`);
        // Down for a moment, sends in flight; started again even if the run ends meanwhile.
        await context.sleep(context.random.between(500, 2_000));
        await options.start();
        context.record('Temporal started again on the same file and port');
      }
    },
  };
}

/**
 * Refuses a share `rate` of all attempts with a 4xx, as a greylisting or overloaded server
 * does. `maxInARow` caps the refusals one recipient gets in a row (greylisting lets the
 * retry through): each costs a send the workflow's retry backoff (5 s, 10 s, 20 s…), and a
 * long streak would make the run's length a lottery.
 */
export function refuseTransiently(
  rate: number,
  options: { rejection?: SmtpRejection; maxInARow?: number } = {},
): SmtpAnswer {
  const rejection = options.rejection ?? { code: 451, message: '4.7.1 Try again later' };
  const streaks = new Map<string, number>();
  return ({ recipient }, random) => {
    const streak = streaks.get(recipient) ?? 0;
    const refuse = random.chance(rate) && streak < (options.maxInARow ?? Infinity);
    streaks.set(recipient, refuse ? streak + 1 : 0);
    return refuse ? rejection : undefined;
  };
}
