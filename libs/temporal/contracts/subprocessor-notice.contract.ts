import { TASK_QUEUES } from './task-queues';
import { subprocessorNoticeWorkflowId } from './workflow-ids';

export const SUBPROCESSOR_NOTICE_WORKFLOW = 'subprocessorNoticeWorkflow';

/** One workflow per registry change, named by the change's id: it reads everything else by that id. */
export interface SubprocessorNoticeInput {
  changeId: string;
}

/** Counts only: who was mailed stays in the database (subprocessor_notice_sends), never in history. */
export interface SubprocessorNoticeResult {
  /** Owners mailed about the change, over every attempt. */
  sent: number;
}

export interface SubprocessorActivities {
  /** Mails the change to every subscribed owner not mailed yet; throws (to be retried) while any send fails. */
  sendSubprocessorNotices(input: SubprocessorNoticeInput): Promise<SubprocessorNoticeResult>;
}

/** How every caller (the API's staff routes, the console) starts one change's notice workflow. */
export function subprocessorNoticeStart(changeId: string) {
  const input: SubprocessorNoticeInput = { changeId };
  return {
    workflowId: subprocessorNoticeWorkflowId(changeId),
    taskQueue: TASK_QUEUES.privacy,
    args: [input],
    // One change, one notice run: a second start is a bug, not a retry.
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
  };
}
