import { setHandler } from '@temporalio/workflow';
import {
  enrollmentStatusQuery, pausedUntilSignal, planChangedSignal, repliedSignal, resumeSignal, stopSignal, taskCompletedSignal,
  type EnrollmentStatusView,
} from '@relance/temporal/contracts';

/**
 * What the signals tell a running sequence. Handlers only flip these; the steps read them.
 * The database already records what each signal says: they wake the workflow sooner.
 */
export class SequenceSignals {
  /** A reply: the sequence ends before its next step. */
  replied = false;
  /** An unsubscribe, a bounce, a stop: the sequence ends before its next step. */
  stopped = false;
  /** An out-of-office reply: no email before its author is back (ISO time; a later one replaces it). */
  pausedUntil: string | null;
  /** Edits of the campaign's steps: the steps not yet reached are read again. */
  planEdits = 0;
  /** Resumes (of the enrollment, its campaign or its mailbox): a send that found it paused asks again. */
  resumes = 0;
  /** Tasks closed: a task step waiting on one reads it again. */
  taskWakes = 0;

  constructor(pausedUntil: string | null) {
    this.pausedUntil = pausedUntil;
  }

  /** How the sequence ends now, if a reply or a stop came in. */
  get ended(): 'replied' | 'stopped' | null {
    return this.replied ? 'replied' : this.stopped ? 'stopped' : null;
  }

  /** Installs the handlers, and the status query answering with `view`. */
  listen(view: EnrollmentStatusView): void {
    setHandler(repliedSignal, () => void (this.replied = true));
    setHandler(pausedUntilSignal, ({ until }) => void (this.pausedUntil = until));
    setHandler(stopSignal, () => void (this.stopped = true));
    setHandler(planChangedSignal, () => void (this.planEdits += 1));
    setHandler(resumeSignal, () => void (this.resumes += 1));
    setHandler(taskCompletedSignal, () => void (this.taskWakes += 1));
    setHandler(enrollmentStatusQuery, () => view);
  }
}
