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
