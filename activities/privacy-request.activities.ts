import { ApplicationFailure } from '@temporalio/activity';
import { type PrivacyRequestExecutor, type PrivacyRequestLifecycle, PrivacyRequestRejectedError } from '@relance/privacy/requests';
import { type PrivacyActivities, PRIVACY_REQUEST_REJECTED_FAILURE } from '@relance/temporal/contracts';
import type { WebhookFacts } from '@relance/webhooks';

export function createPrivacyActivities(
  deps: { lifecycle: PrivacyRequestLifecycle; executor: PrivacyRequestExecutor; webhooks?: WebhookFacts },
): PrivacyActivities {
  return {
    readPrivacyRequest: (requestId) => deps.lifecycle.state(requestId),
    sendPrivacyVerificationLink: (requestId) => deps.lifecycle.sendVerificationLink(requestId),
    expirePrivacyRequest: (requestId) => deps.lifecycle.expire(requestId),
    recordPrivacyDeadlineEvent: (requestId, event) => deps.lifecycle.recordDeadlineEvent(requestId, event),
    notifyPrivacyExtension: (requestId) => deps.lifecycle.notifyExtension(requestId),
    executePrivacyRequest: async (requestId) => {
      try {
        const result = await deps.executor.execute(requestId);
        await deps.webhooks?.privacyRequestDone(requestId);
        return result;
      } catch (error) {
        // A rejection is final: retrying would fail the same way for ever.
        if (error instanceof PrivacyRequestRejectedError) throw ApplicationFailure.nonRetryable(error.message, PRIVACY_REQUEST_REJECTED_FAILURE);
        throw error;
      }
    },
  };
}
