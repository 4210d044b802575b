/**
 * Deterministic workflow ids: one workflow per business object, so starting twice is a
 * no-op and anyone holding the id can signal it. Ids only: never an address or a name.
 */
export const campaignLaunchWorkflowId = (campaignId: string) => `campaign-launch:${campaignId}`;
export const enrollmentWorkflowId = (enrollmentId: string) => `enrollment:${enrollmentId}`;
export const mailboxSyncWorkflowId = (mailboxId: string) => `mailbox-sync:${mailboxId}`;
