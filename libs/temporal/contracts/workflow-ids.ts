/**
 * Deterministic workflow ids: one workflow per business object, so starting twice is a
 * no-op and anyone holding the id can signal it. Ids only: never an address or a name,
 * which is why anything but a plain identifier (uuid) is refused.
 */
export const ENROLLMENT_WORKFLOW_ID_PREFIX = 'enrollment:';

const PLAIN_ID = /^[A-Za-z0-9-]{1,64}$/;

function workflowId(prefix: string, id: string): string {
  if (!PLAIN_ID.test(id)) throw new TypeError(`a workflow id is built from a plain identifier, not ${JSON.stringify(id.slice(0, 8))}…`);
  return `${prefix}${id}`;
}

export const campaignLaunchWorkflowId = (campaignId: string) => workflowId('campaign-launch:', campaignId);
export const enrollmentWorkflowId = (enrollmentId: string) => workflowId(ENROLLMENT_WORKFLOW_ID_PREFIX, enrollmentId);
export const mailboxSyncWorkflowId = (mailboxId: string) => workflowId('mailbox-sync:', mailboxId);
export const campaignControlWorkflowId = (campaignId: string) => workflowId('campaign-control:', campaignId);
export const enrollmentControlWorkflowId = (enrollmentId: string) => workflowId('enrollment-control:', enrollmentId);
/**
 * A campaign control that wakes the enrollments a mailbox held while it was disabled: its own id
 * per (mailbox, campaign), so it never replaces the campaign's own pause, stop or plan change.
 */
export const mailboxEnabledWorkflowId = (mailboxId: string, campaignId: string) =>
  `${workflowId('mailbox-enabled:', mailboxId)}:${workflowId('', campaignId)}`;
/** One per data-subject request, named by the request's id. */
export const privacyRequestWorkflowId = (requestId: string) => workflowId('privacy-request:', requestId);
/** One per resend of a soft-bounced email: the outbox row's id and which resend it is. */
export const softBounceResendWorkflowId = (messageId: string, attempt: number) =>
  `${workflowId('soft-bounce-resend:', messageId)}:${Number.isInteger(attempt) && attempt > 0 ? attempt : invalidAttempt(attempt)}`;

function invalidAttempt(attempt: number): never {
  throw new TypeError(`a resend attempt is a positive integer, not ${attempt}`);
}
export const accountExportWorkflowId = (exportId: string) => workflowId('account-export:', exportId);
export const accountClosureWorkflowId = (accountId: string) => workflowId('account-closure:', accountId);
/** One per change of the subprocessor registry: the notice to subscribed owners. */
export const subprocessorNoticeWorkflowId = (changeId: string) => workflowId('subprocessor-notice:', changeId);
/** One per enrichment job (verification or enrichment of a list of prospects). */
export const enrichmentWorkflowId = (jobId: string) => workflowId('enrichment:', jobId);
/** One per CSV import, named by the import job's id. */
export const importWorkflowId = (importJobId: string) => workflowId('import:', importJobId);
/** One per delivery of an event to a webhook endpoint. */
export const webhookDeliveryWorkflowId = (deliveryId: string) => workflowId('webhook-delivery:', deliveryId);
