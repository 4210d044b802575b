import type { INestApplication } from '@nestjs/common';
import { Client as PgClient } from 'pg';
import { createApiApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '@relance/config';
import { connectTemporalClient, mailboxSyncWorkflowId, type TemporalClientHandle } from '@relance/temporal';
import { type SmtpCapture, startSmtpCapture } from '../harness/smtp-capture';
import type { ApiClient } from '../support/api-client';
import { type ChaosEnrollment, ChaosEvidence, type ChaosMessageRow } from './chaos-evidence';
import { expectStatus, setUpChaosCampaign, stepSubject } from './chaos-setup';
import type { ChaosContext, Disruption, SmtpAnswer, SmtpAttempt } from './disruptions';
import { freshSeed, type SeededRandom, seededRandom } from './seeded-random';
import { ServerSentFolder } from './server-sent-folder';
import { WorkerProcess } from './worker-process';

/**
 * The chaos driver (issue 3): a campaign of N prospects × a few email steps, created and
 * launched through the HTTP API (served from this process), run by the worker as its own
 * process, while disruptions break things: kill the worker, restart Temporal, cut
 * PostgreSQL connections, refuse SMTP attempts. It then collects the evidence — what the
 * SMTP server received, the outbox, the enrollments, the workflows — for
 * `deliveryViolations` (delivery-verdict.ts) to judge. The CI suite runs it small
 * (tests/chaos/*.e2e-spec.ts); bench/ runs it large through `runChaosCampaign`.
 */

export interface ChaosCampaignOptions {
  /** Prospects in the campaign: about 30 in CI, more in the benchmark. */
  readonly prospects: number;
  /** Relance's variables (DATABASE_URL, TEMPORAL_ADDRESS, the keys…), for the API here and the worker process. */
  readonly env: NodeJS.ProcessEnv;
  /** The Dovecot server and user whose mailbox sends the campaign. */
  readonly imap: { readonly host: string; readonly port: number };
  readonly mailUser: { readonly user: string; readonly password: string };
  /** Email steps, with a wait between each two (default 3 emails, waits of 1 s). */
  readonly emailSteps?: number;
  readonly waitSeconds?: number;
  readonly disruptions?: readonly Disruption[];
  /** How the SMTP server answers each attempt (default: accept). */
  readonly smtpAnswer?: SmtpAnswer;
  /**
   * Whether the mail provider files every accepted message in Sent (default true, as Gmail
   * and Exchange do): then every interrupted send can be settled, and exactly-once holds.
   * Without it, a crash between the claim and the server's answer ends `unknown` (at most once).
   */
  readonly providerFilesSent?: boolean;
  readonly seed?: number;
  /** From launch to every enrollment finished (default 90 s). */
  readonly timeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface AttemptRecord extends SmtpAttempt {
  /** 250, or the code of the refusal. */
  readonly answer: number;
}

export interface ReceivedMessage {
  readonly recipient: string;
  readonly messageId: string | undefined;
  readonly subject: string | undefined;
}

export interface ChaosCampaignResult {
  readonly seed: number;
  readonly prospects: number;
  readonly emailSteps: number;
  readonly emails: readonly string[];
  /** The subject of email step `k` (1-based) for a prospect's address. */
  subjectOf(email: string, emailStep: number): string;
  readonly enrollments: readonly ChaosEnrollment[];
  readonly messages: readonly ChaosMessageRow[];
  readonly received: readonly ReceivedMessage[];
  readonly attempts: readonly AttemptRecord[];
  /** Temporal's status of each enrollment workflow, by workflow id. */
  readonly workflows: ReadonlyMap<string, string>;
  readonly workerStarts: number;
  readonly timeline: readonly string[];
  /** Setup (API, worker, prospects, campaign) before the launch. */
  readonly setupMs: number;
  /** From the launch request to every enrollment finished. */
  readonly runMs: number;
}

const DEFAULT_TIMEOUT_MS = 90_000;
/** Left to a straggling retry to show itself before the evidence is read. */
const SETTLE_MS = 1_500;

/** Prepare, run, close: a whole chaos run in one call (what the benchmark uses). */
export async function runChaosCampaign(options: ChaosCampaignOptions): Promise<ChaosCampaignResult> {
  const campaign = await ChaosCampaign.prepare(options);
  try {
    return await campaign.run();
  } finally {
    await campaign.close();
  }
}

export class ChaosCampaign {
  private readonly startedAt = performance.now();
  private readonly seed: number;
  private readonly log: (line: string) => void;
  private readonly timeline: string[] = [];
  private readonly attempts: AttemptRecord[] = [];
  private readonly emailSteps: number;
  private readonly emails: string[];
  private capture: SmtpCapture | undefined;
  private sentFolder: ServerSentFolder | undefined;
  private app: INestApplication | undefined;
  private observer: PgClient | undefined;
  private temporal: TemporalClientHandle | undefined;
  private worker: WorkerProcess | undefined;
  private evidence: ChaosEvidence | undefined;
  private api: ApiClient | undefined;
  private mailboxId: string | undefined;
  private campaignId: string | undefined;
  private closed = false;

  private constructor(private readonly options: ChaosCampaignOptions) {
    this.seed = options.seed ?? freshSeed();
    this.log = options.log ?? (() => undefined);
    this.emailSteps = options.emailSteps ?? 3;
    const domain = this.domain();
    this.emails = Array.from({ length: options.prospects }, (_, i) => `p${i}@${domain}`);
  }

  /** Starts the SMTP server, the API (here) and the worker (a process); creates the campaign. */
  static async prepare(options: ChaosCampaignOptions): Promise<ChaosCampaign> {
    const campaign = new ChaosCampaign(options);
    try {
      await campaign.setUp();
      return campaign;
    } catch (error) {
      await campaign.close();
      throw error;
    }
  }

  /** The prospects' addresses, p0@… to p(N-1)@…, known before the launch. */
  get prospectEmails(): readonly string[] {
    return this.emails;
  }

  /** Launches the campaign, lets the disruptions loose, waits for every enrollment to finish. */
  async run(): Promise<ChaosCampaignResult> {
    const setupMs = performance.now() - this.startedAt;
    const launchedAt = performance.now();
    expectStatus(await this.api!.post(`/v1/campaigns/${this.campaignId}/launch`, { all: true }), 202, 'launch the campaign');
    this.record('launched');

    const ended = new AbortController();
    let disruptionFailure: Error | undefined;
    const disruptions = Promise.all(
      (this.options.disruptions ?? []).map(async (disruption, i) => {
        const random = seededRandom((this.seed ^ Math.imul(i + 1, 0x5bd1e995)) >>> 0);
        try {
          await disruption.run(this.context(random, ended.signal));
          this.record(`${disruption.name}: done`);
        } catch (error) {
          this.record(`${disruption.name}: failed: ${(error as Error).message}`);
          disruptionFailure ??= error as Error;
        }
      }),
    );
    let runMs: number;
    try {
      runMs = await this.untilAllFinished(launchedAt, () => disruptionFailure);
    } finally {
      ended.abort();
      await disruptions;
    }
    if (disruptionFailure) throw new Error(`a disruption failed: ${disruptionFailure.message}`);
    this.record(`every enrollment finished after ${Math.round(runMs)} ms`);

    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const workflows = await this.evidence!.workflowStatuses();
    await this.stopMailboxSync();
    // Drained and gone before anything is counted: no straggler can add a message after.
    await this.worker!.stop();
    return {
      seed: this.seed,
      prospects: this.options.prospects,
      emailSteps: this.emailSteps,
      emails: this.emails,
      subjectOf: stepSubject,
      enrollments: await this.evidence!.enrollments(),
      messages: await this.evidence!.messages(),
      received: this.capture!.messages.map((m) => ({ recipient: m.envelope.to[0] ?? '', messageId: m.messageId, subject: m.subject })),
      attempts: [...this.attempts],
      workflows,
      workerStarts: this.worker!.starts,
      timeline: [...this.timeline],
      setupMs,
      runMs,
    };
  }

  /** Stops everything this run started; safe to call twice, and after a failure. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const step = async (what: string, action: () => Promise<unknown> | undefined) => {
      try {
        await action();
      } catch (error) {
        this.log(`closing: ${what} failed: ${(error as Error).message}`);
      }
    };
    await step('worker', () => this.worker?.stop(5_000));
    await step('mailbox sync', () => this.stopMailboxSync());
    await step('API', () => this.app?.close());
    await step('SMTP server', () => this.capture?.stop());
    await step('Sent folder', () => this.sentFolder?.close());
    await step('Temporal client', () => this.temporal?.close());
    await step('database', () => this.observer?.end());
  }

  /** The worker processes' recent output, for failure messages. */
  workerOutput(chars?: number): string {
    return this.worker?.tail(chars) ?? '';
  }

  private domain(): string {
    return `chaos-${this.seed.toString(36)}-${process.pid}.test`;
  }

  private async setUp(): Promise<void> {
    const { options } = this;
    this.log(`seed ${this.seed}, ${options.prospects} prospects × ${this.emailSteps} emails`);
    const config = loadConfig({ ...options.env, LOG_LEVEL: options.env.LOG_LEVEL ?? 'warn' });
    const providerFilesSent = options.providerFilesSent ?? true;
    if (providerFilesSent) {
      this.sentFolder = new ServerSentFolder({ ...options.imap, user: options.mailUser.user, password: options.mailUser.password });
    }
    this.capture = await this.startSmtpServer();
    this.observer = new PgClient({ connectionString: config.database.url, application_name: 'relance-chaos-driver' });
    this.observer.on('error', () => undefined); // a broken connection fails the next query, which reports it
    await this.observer.connect();
    this.temporal = await connectTemporalClient(config);
    this.app = await createApiApp(config);
    await this.app.listen(0, '127.0.0.1');

    // The worker starts while the campaign is written: bundling its workflows takes seconds.
    this.worker = new WorkerProcess({
      ...options.env,
      WORKER_SHUTDOWN_GRACE: '1s',
      // An interrupted send is judged once 2 × SMTP_TIMEOUT have passed since its claim:
      // shorter than the default 10 s so recovery fits a CI run; loopback SMTP needs far less.
      SMTP_TIMEOUT: options.env.SMTP_TIMEOUT ?? '5s',
    });
    const workerReady = this.worker.start();
    try {
      const created = await setUpChaosCampaign({
        databaseUrl: config.database.url,
        apiUrl: (await this.app.getUrl()).replace('[::1]', '127.0.0.1'),
        name: `Chaos ${this.seed}`,
        domain: this.domain(),
        emails: this.emails,
        smtp: this.capture,
        imap: options.imap,
        mailUser: options.mailUser,
        emailSteps: this.emailSteps,
        waitSeconds: options.waitSeconds ?? 1,
        providerFilesSent,
      });
      this.api = created.api;
      this.mailboxId = created.mailboxId;
      this.campaignId = created.campaignId;
      this.evidence = new ChaosEvidence(this.observer, this.temporal, created.campaignId);
    } finally {
      await workerReady;
    }
    this.log(`ready in ${Math.round(performance.now() - this.startedAt)} ms`);
  }

  /** The receiving SMTP server: answers as `smtpAnswer` says and records every attempt. */
  private startSmtpServer(): Promise<SmtpCapture> {
    const answers = seededRandom(this.seed);
    const perRecipient = new Map<string, number>();
    return startSmtpCapture({
      failWith: (envelope) => {
        const recipient = envelope.to[0] ?? '';
        const attempt = (perRecipient.get(recipient) ?? 0) + 1;
        perRecipient.set(recipient, attempt);
        const refusal = this.options.smtpAnswer?.({ recipient, attempt }, answers);
        this.attempts.push({ recipient, attempt, answer: refusal?.code ?? 250 });
        return refusal;
      },
      onAccept: this.sentFolder ? (raw) => this.sentFolder!.file(raw) : undefined,
    });
  }

  private context(random: SeededRandom, signal: AbortSignal): ChaosContext {
    const sleep = (ms: number) =>
      new Promise<boolean>((resolve) => {
        if (signal.aborted) return resolve(false);
        const onAbort = () => {
          clearTimeout(timer);
          resolve(false);
        };
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          resolve(true);
        }, ms);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    const accepted = () => this.capture!.messages.length;
    return {
      worker: this.worker!,
      random,
      expectedSends: this.options.prospects * this.emailSteps,
      accepted,
      async untilAccepted(n) {
        while (accepted() < n) if (!(await sleep(20))) return false;
        return true;
      },
      sleep,
      query: async <T>(sql: string, params?: unknown[]) => (await this.observer!.query(sql, params)).rows as T[],
      record: (line) => this.record(line),
    };
  }

  private record(line: string): void {
    const entry = `+${((performance.now() - this.startedAt) / 1000).toFixed(1)}s ${line}`;
    this.timeline.push(entry);
    this.log(entry);
  }

  private async untilAllFinished(launchedAt: number, failed: () => Error | undefined): Promise<number> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let lastProgress = '';
    for (;;) {
      if (failed()) return performance.now() - launchedAt;
      const counts = await this.evidence!.enrollmentCounts();
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      if (total === this.options.prospects && !counts.active) return performance.now() - launchedAt;
      const progress = `enrollments ${JSON.stringify(counts)}, ${this.capture!.messages.length} accepted`;
      if (performance.now() - launchedAt > timeoutMs) {
        throw new Error(
          `the campaign did not finish within ${timeoutMs} ms (seed ${this.seed}): ${progress}\n` +
            `timeline:\n  ${this.timeline.join('\n  ')}\n` +
            `stuck enrollments:\n  ${(await this.evidence!.stuckReport()).join('\n  ')}\n` +
            `--- worker output (tail) ---\n${this.workerOutput(6_000)}`,
        );
      }
      if (progress !== lastProgress) this.log(progress);
      lastProgress = progress;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private async stopMailboxSync(): Promise<void> {
    if (!this.mailboxId || !this.temporal) return;
    await this.temporal.client.workflow
      .getHandle(mailboxSyncWorkflowId(this.mailboxId))
      .terminate('chaos run over')
      .catch(() => undefined); // never started, or already ended
  }
}
