import { classifyBounce } from './bounce-classifier';
import type { BounceVerdict } from './bounce-reasons';
import { parseDeliveryStatus, type BounceRecipient, type BounceReport } from './dsn';

/**
 * The recipient a bounce is judged by: the first whose failure means the address is gone, else
 * the first failure, else the first delay; null when the report names no recipient.
 */
export function decisiveRecipient(recipients: readonly BounceRecipient[]): BounceRecipient | null {
  const failed = recipients.filter((entry) => entry.action === 'failed');
  return (
    failed.find((entry) => entry.verdict.effect === 'suppress') ??
    failed[0] ??
    recipients.find((entry) => entry.action === 'delayed') ??
    null
  );
}

/** Whether the recipients report a failure or a delay (a success-only DSN does not). */
export function reportsFailure(recipients: readonly BounceRecipient[]): boolean {
  return decisiveRecipient(recipients) !== null;
}

/**
 * A bounce report from its recipients. `wording` is the human-readable part of the bounce: when
 * the decisive recipient's own fields name no reason, its words may (many servers put the
 * explanation only in the notice, and a null sender's note may have no recipient at all).
 */
export function bounceReport(
  recipients: BounceRecipient[],
  originalMessageId: string | null,
  source: BounceReport['source'],
  wording: string | null = null,
): BounceReport {
  const decisive = decisiveRecipient(recipients);
  let verdict = decisive?.verdict ?? classifyBounce({ action: null, status: null, diagnostic: null, wording });
  if (decisive && wording && verdict.reason === 'unknown') {
    verdict = classifyBounce({ action: verdict.action, status: verdict.rawStatus, diagnostic: verdict.diagnostic, wording });
  }
  return { recipients, originalMessageId, verdict, severity: severityOf(verdict), source };
}

/** The bounce a delivery-status part describes; null when it reports no failure or delay (a success DSN). */
export function bounceFromDeliveryStatus(text: string, originalMessageId: string | null): BounceReport | null {
  const { recipients } = parseDeliveryStatus(text);
  return reportsFailure(recipients) ? bounceReport(recipients, originalMessageId, 'dsn') : null;
}

/** Old callers' two kinds: hard only when the recipient is gone. */
export function severityOf(verdict: BounceVerdict): BounceReport['severity'] {
  return verdict.effect === 'suppress' ? 'hard' : 'soft';
}
