import { continueAsNew, getExternalWorkflowHandle, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import {
  enrollmentWorkflowId, repliedSignal, type MailboxSyncInput, type MailSyncActivities,
} from '../libs/temporal/contracts';

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
 * Reads one mailbox's INBOX forever (until the mailbox is deleted), and tells each
 * enrollment that got a reply. The reply is already recorded in the database by then.
 */
export async function mailboxSyncWorkflow(input: MailboxSyncInput): Promise<void> {
  for (let pass = 0; pass < PASSES_PER_RUN; pass++) {
    const result = await syncMailbox({ mailboxId: input.mailboxId });
    if (!result.exists) return;
    for (const reply of result.replies) {
      try {
        await getExternalWorkflowHandle(enrollmentWorkflowId(reply.enrollmentId)).signal(repliedSignal, {
          inboundMessageId: reply.inboundMessageId,
        });
      } catch {
        // The enrollment already ended: nothing left to stop.
        log.info('reply for an enrollment that already ended', { enrollmentId: reply.enrollmentId });
      }
    }
    if (workflowInfo().continueAsNewSuggested) break;
  }
  await continueAsNew<typeof mailboxSyncWorkflow>(input);
}
