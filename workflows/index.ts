// The workflow bundle's entry point: the names exported here are the workflow types.
export { campaignLaunchWorkflow } from './campaign-launch.workflow';
export { enrollmentWorkflow } from './enrollment.workflow';
export { mailboxSyncWorkflow } from './mailbox-sync.workflow';
export { campaignControlWorkflow } from './campaign-control.workflow';
export { softBounceResendWorkflow } from './soft-bounce-resend.workflow';
export { enrollmentControlWorkflow } from './enrollment-control.workflow';
export { accountExportWorkflow } from './account-export.workflow';
export { accountClosureWorkflow } from './account-closure.workflow';
export { retentionWorkflow } from './retention.workflow';
export { privacyRequestWorkflow } from './privacy-request.workflow';
export { subprocessorNoticeWorkflow } from './subprocessor-notice.workflow';
export { enrichmentWorkflow } from './enrichment.workflow';
export { importWorkflow } from './import.workflow';
export { webhookDeliveryWorkflow } from './webhook-delivery.workflow';
