import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import {
  continueAsNew, getExternalWorkflowHandle, log, ParentClosePolicy, proxyActivities, startChild, workflowInfo,
  type SignalDefinition,
} from '@temporalio/workflow';
import {
  enrollmentWorkflowId, pausedUntilSignal, repliedSignal, softBounceResendWorkflowId, stopSignal, TASK_QUEUES,
  type MailboxSyncInput, type MailSyncActivities, type SoftBounceResendInput,
} from '@relance/temporal/contracts';
import { softBounceResendWorkflow } from './soft-bounce-resend.workflow';

// A pass waits in IMAP IDLE up to the sync interval (heartbeating), then reads. IMAP servers
// go away for a while: keep retrying, slower and slower, forever.
const { syncMailbox } = proxyActivities<MailSyncActivities>({
  startToCloseTimeout: '10m',
  heartbeatTimeout: '30s',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '5m' },
});

/** Passes per run before continuing as new, so the history stays short. */
const PASSES_PER_RUN = 500;

/**
 * Reads one mailbox's INBOX forever (until the mailbox is deleted), and tells each enrollment
 * what it got: a reply (it ends), an out-of-office reply (its next email waits), a hard bounce
 * (it ends); a soft bounce the remote server gave up on starts a workflow that sends the email
 * again later. The database already records each of them by then.
 */
export async function mailboxSyncWorkflow(input: MailboxSyncInput): Promise<void> {
  for (let pass = 0; pass < PASSES_PER_RUN; pass++) {
    const result = await syncMailbox({ mailboxId: input.mailboxId });
    if (!result.exists) return;
    for (const reply of result.replies) {
      await tell(reply.enrollmentId, repliedSignal, { inboundMessageId: reply.inboundMessageId });
    }
    for (const pause of result.pauses ?? []) {
      await tell(pause.enrollmentId, pausedUntilSignal, { until: pause.until });
    }
    for (const stop of result.stops ?? []) {
      await tell(stop.enrollmentId, stopSignal, { reason: stop.reason });
    }
    for (const resend of result.resends ?? []) await startResend(resend);
    if (workflowInfo().continueAsNewSuggested) break;
  }
  await continueAsNew<typeof mailboxSyncWorkflow>(input);
}

async function tell<T>(enrollmentId: string, signal: SignalDefinition<[T]>, payload: T): Promise<void> {
  try {
    await getExternalWorkflowHandle(enrollmentWorkflowId(enrollmentId)).signal(signal, payload);
  } catch {
    // The enrollment already ended: nothing left to stop or hold.
    log.info('signal for an enrollment that already ended', { enrollmentId, signal: signal.name });
  }
}

/**
 * Outlives this workflow (it continues as new) and runs on the sequences queue, where sends
 * are. One per (email, attempt): a re-read of the same bounce after a crash starts nothing more.
 */
async function startResend(resend: SoftBounceResendInput): Promise<void> {
  try {
    await startChild(softBounceResendWorkflow, {
      workflowId: softBounceResendWorkflowId(resend.messageId, resend.attempt),
      args: [resend],
      taskQueue: TASK_QUEUES.sequences,
      parentClosePolicy: ParentClosePolicy.ABANDON,
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
