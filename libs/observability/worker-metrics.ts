import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { codeLabel } from './metric-labels';

/** What a send activity returned, as far as the counters care (SendStepResult's shape). */
export interface SendResultForMetrics {
  readonly outcome: string;
  readonly reason?: string;
}

/** What an inbound message meant (InboundOutcome's shape, as far as the counters care). */
export interface InboundForMetrics {
  readonly kind: string;
  readonly reason?: string;
}

const REPLY_KINDS = new Set(['reply', 'referral', 'auto_reply']);
/** The claim said no: the sequence stopped, or is paused or deferred (the `outcome` says which, the `reason` why). */
const REFUSALS = new Set(['stopped', 'paused', 'deferred']);

/**
 * Relance's own counters in a worker process, on a registry of its own (not prom-client's
 * global one), so an API and a worker sharing a process in tests keep their numbers apart.
 * Labels are codes from bounded sets: no address, no name, no row id.
 */
export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly sends = this.counter('relance_sends_total', 'Send attempts by outcome (sent, failed, unknown, stopped, paused, deferred, replanned)', ['outcome']);
  private readonly refusals = this.counter('relance_claim_refusals_total', 'Sends the outbox claim refused, by outcome and reason', ['outcome', 'reason']);
  private readonly replies = this.counter('relance_replies_total', 'Replies recorded, by kind (reply, referral, auto_reply)', ['kind']);
  private readonly bounces = this.counter('relance_bounces_total', 'Bounces recorded, by reason (hard_bounce, soft_bounce, sender_problem…)', ['reason']);
  private readonly complaints = this.counter('relance_complaints_total', 'Spam complaints (feedback reports) recorded', []);
  private readonly workflowFailures = this.counter('relance_workflow_failures_total', 'Workflow runs that failed, by workflow type', ['workflow_type']);
  private readonly activityFailures = this.counter(
    'relance_activity_failures_total', 'Activity attempts that failed, by activity type and task queue', ['activity_type', 'task_queue'],
  );

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  sendResult(result: SendResultForMetrics): void {
    this.sends.inc({ outcome: codeLabel(result.outcome) });
    if (REFUSALS.has(result.outcome)) {
      this.refusals.inc({ outcome: result.outcome, reason: codeLabel(result.reason) });
    }
  }

  inboundRecorded(outcome: InboundForMetrics): void {
    if (REPLY_KINDS.has(outcome.kind)) this.replies.inc({ kind: outcome.kind });
    else if (outcome.kind === 'bounce') this.bounces.inc({ reason: codeLabel(outcome.reason) });
    else if (outcome.kind === 'complaint') this.complaints.inc();
  }

  workflowFailed(workflowType: string): void {
    this.workflowFailures.inc({ workflow_type: codeLabel(snakeCase(workflowType)) });
  }

  activityFailed(activityType: string, taskQueue: string): void {
    this.activityFailures.inc({ activity_type: codeLabel(snakeCase(activityType)), task_queue: codeLabel(snakeCase(taskQueue)) });
  }

  private counter(name: string, help: string, labelNames: string[]): Counter<string> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }
}

/** `sendStep` → `send_step`, `mail-sync` → `mail_sync`: activity types and queues as label codes. */
function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-/g, '_').toLowerCase();
}
