export { createLaunchActivities } from './launch.activities';
export { createMailSyncActivities } from './mail-sync.activities';
export { createSequenceActivities } from './sequence.activities';
export { createControlActivities } from './control.activities';
export { createAccountActivities } from './account.activities';
export { createRetentionActivities } from './retention.activities';
export { createPrivacyActivities } from './privacy-request.activities';
export { createSubprocessorActivities } from './subprocessor.activities';
