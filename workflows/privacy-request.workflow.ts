import { ActivityFailure, ApplicationFailure, condition, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  type PrivacyActivities, PRIVACY_REQUEST_REJECTED_FAILURE, type PrivacyRequestInput, type PrivacyRequestLive, type PrivacyRequestResult, type PrivacyRequestState,
  privacyRequestExtendedSignal, privacyRequestFieldsSignal, privacyRequestLiveQuery, privacyRequestRejectedSignal,
  privacyRequestVerifiedSignal,
} from '@relance/temporal/contracts';
import { deadlineEventKey, nextDeadlineEvent } from './privacy-request-deadline';

/**
 * A signal that lands while an activity runs (staff verify as the link is being mailed, give the
 * fields as the row is read) must not be forgotten: the flag is cleared just before the row is
 * read, never just before waiting. Runs started before this change keep the old order on replay.
 */
const KEEPS_EARLY_SIGNALS = 'privacy-request-keeps-early-signals';

const activities = proxyActivities<PrivacyActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * One data-subject request, from intake to certificate. An unverified request waits for its
 * verification (a link mailed to the subject, or staff) and expires unexecuted. Once verified,
 * erasure, access and restriction are carried out at once; a rectification waits for the fields
 * to edit, reminding staff before its due date and escalating once it is overdue. The one
 * extension moves the due date and tells the subject; staff may reject it while it is open (they
 * tell the subject why), which ends it. Signals only wake it: state is in the row. The live query
 * answers what it waits for, for staff screens; it adds no command, so old histories replay.
 */
export async function privacyRequestWorkflow(input: PrivacyRequestInput): Promise<PrivacyRequestResult> {
  const { requestId } = input;
  const keepsEarlySignals = patched(KEEPS_EARLY_SIGNALS);
  let woken = false;
  let extended = false;
  const wake = () => { woken = true; };
  setHandler(privacyRequestVerifiedSignal, wake);
  setHandler(privacyRequestFieldsSignal, wake);
  setHandler(privacyRequestExtendedSignal, () => { extended = true; woken = true; });
  setHandler(privacyRequestRejectedSignal, wake);
  let live: PrivacyRequestLive = { phase: 'starting' };
  setHandler(privacyRequestLiveQuery, () => live);
  const finish = (result: PrivacyRequestResult): PrivacyRequestResult => {
    live = { phase: 'finished', outcome: result.outcome };
    return result;
  };

  let state = await activities.readPrivacyRequest(requestId);
  if (state.status === 'awaiting_verification') {
    live = { phase: 'awaiting_verification', until: state.expiresAt };
    await activities.sendPrivacyVerificationLink(requestId);
    state = await awaitVerification(requestId, state, () => woken, () => { woken = false; }, keepsEarlySignals);
    if (state.status === 'awaiting_verification') {
      await activities.expirePrivacyRequest(requestId);
      return finish({ outcome: 'expired' });
    }
  }
  if (state.status !== 'verified') return finish(closedOutcome(state));

  const fired = new Set<string>();
  while (!readyToExecute(state)) {
    const next = state.dueAt ? nextDeadlineEvent(state.dueAt, state.reminderOffsetsMs, fired) : null;
    live = { phase: 'awaiting_fields', dueAt: state.dueAt, deadline: next };
    if (!keepsEarlySignals) woken = false;
    const timeout = next ? Math.max(0, Date.parse(next.at) - Date.now()) : undefined;
    const signalled = timeout === undefined ? (await condition(() => woken), true) : await condition(() => woken, timeout);
    if (!signalled && next) {
      await activities.recordPrivacyDeadlineEvent(requestId, next);
      fired.add(deadlineEventKey(next));
    }
    if (extended) {
      extended = false;
      await activities.notifyPrivacyExtension(requestId);
    }
    if (keepsEarlySignals) woken = false;
    state = await activities.readPrivacyRequest(requestId);
    if (state.status !== 'verified') return finish(closedOutcome(state));
  }
  live = { phase: 'executing' };
  try {
    const { found } = await activities.executePrivacyRequest(requestId);
    return finish({ outcome: 'completed', found });
  } catch (error) {
    if (rejectedMeanwhile(error)) return finish({ outcome: 'rejected' });
    throw error;
  }
}

/** Staff rejected the request between the workflow's last read and its execution: nothing was done. */
function rejectedMeanwhile(error: unknown): boolean {
  return error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === PRIVACY_REQUEST_REJECTED_FAILURE;
}

/** A request closed by someone else while the workflow waited: rejected by staff, or (before rejection existed) expired. */
function closedOutcome(state: PrivacyRequestState): PrivacyRequestResult {
  return state.status === 'rejected' ? { outcome: 'rejected' } : { outcome: 'expired' };
}

/** Waits until the request is verified or its verification window closes; reads it again either way. */
async function awaitVerification(
  requestId: string, state: PrivacyRequestState, signalled: () => boolean, reset: () => void, keepsEarlySignals: boolean,
): Promise<PrivacyRequestState> {
  let current = state;
  while (current.status === 'awaiting_verification') {
    const left = Date.parse(current.expiresAt) - Date.now();
    if (left <= 0) return current;
    if (!keepsEarlySignals) reset();
    await condition(signalled, left);
    if (keepsEarlySignals) reset();
    current = await activities.readPrivacyRequest(requestId);
  }
  return current;
}

/** Erasure, access and restriction run once verified; a rectification needs its fields first. */
function readyToExecute(state: PrivacyRequestState): boolean {
  return state.type !== 'rectification' || state.hasFields;
}
