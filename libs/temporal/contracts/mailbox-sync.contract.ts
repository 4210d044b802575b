export const MAILBOX_SYNC_WORKFLOW = 'mailboxSyncWorkflow';

export interface MailboxSyncInput {
  mailboxId: string;
}
