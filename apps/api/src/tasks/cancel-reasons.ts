/**
 * Why a task was cancelled, in words for the rep: its `cancelReason` is the stop reason of the
 * enrollment that ended (see the CancelledTasks migration), or the enrollment's end status.
 */
const IN_WORDS: Record<string, string> = {
  unsubscribed: 'the prospect unsubscribed',
  prospect_unsubscribed: 'the prospect unsubscribed',
  replied: 'the prospect replied',
  prospect_replied: 'the prospect replied',
  secondary_reply: 'a colleague of the prospect replied',
  company_replied: 'someone at the prospect\'s company replied',
  hard_bounce: 'the prospect\'s address bounced',
  prospect_bounced: 'the prospect\'s address bounced',
  soft_bounce: 'emails to the prospect kept bouncing',
  prospect_blacklisted: 'the prospect is blacklisted',
  prospect_suppressed: 'the prospect\'s address is on the suppression list',
  prospect_restricted: 'processing of the prospect\'s data is restricted',
  stopped_by_user: 'the enrollment was stopped',
  campaign_stopped: 'the campaign was stopped',
  left_company: 'the prospect left the company',
  failed: 'the enrollment failed',
  completed: 'the sequence ended',
};

export function cancelReasonInWords(reason: string | null): string {
  return (reason && IN_WORDS[reason]) ?? `the enrollment ended (${reason ?? 'no reason given'})`;
}
