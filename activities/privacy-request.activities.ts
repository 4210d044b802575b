import type { PrivacyRequestExecutor, PrivacyRequestLifecycle } from '@relance/privacy/requests';
import type { PrivacyActivities } from '@relance/temporal/contracts';

export function createPrivacyActivities(deps: { lifecycle: PrivacyRequestLifecycle; executor: PrivacyRequestExecutor }): PrivacyActivities {
  return {
    readPrivacyRequest: (requestId) => deps.lifecycle.state(requestId),
    sendPrivacyVerificationLink: (requestId) => deps.lifecycle.sendVerificationLink(requestId),
    expirePrivacyRequest: (requestId) => deps.lifecycle.expire(requestId),
    recordPrivacyDeadlineEvent: (requestId, event) => deps.lifecycle.recordDeadlineEvent(requestId, event),
    notifyPrivacyExtension: (requestId) => deps.lifecycle.notifyExtension(requestId),
    executePrivacyRequest: (requestId) => deps.executor.execute(requestId),
  };
}
