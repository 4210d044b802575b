import type { ChaosCampaignResult } from '../../tests/chaos';

export interface DeliveryCount {
  /** (prospect, email step) pairs that should have been delivered: refused prospects excluded. */
  readonly expected: number;
  readonly exactlyOnce: number;
  /** Copies received beyond the first, summed over all pairs. */
  readonly duplicates: number;
  /** Pairs never received. */
  readonly missing: number;
}

/**
 * How many emails of a chaos run arrived exactly once, by (recipient, subject) as the SMTP
 * server received them: the number behind the benchmark's row. deliveryViolations says
 * everything else that went wrong (outbox rows, enrollments, workflows).
 */
export function countDeliveries(result: ChaosCampaignResult, refused: ReadonlySet<string> = new Set()): DeliveryCount {
  const copies = new Map<string, number>();
  for (const message of result.received) {
    const key = `${message.recipient}\n${message.subject}`;
    copies.set(key, (copies.get(key) ?? 0) + 1);
  }
  let expected = 0;
  let exactlyOnce = 0;
  let duplicates = 0;
  let missing = 0;
  for (const email of result.emails) {
    if (refused.has(email)) continue;
    for (let step = 1; step <= result.emailSteps; step++) {
      const received = copies.get(`${email}\n${result.subjectOf(email, step)}`) ?? 0;
      expected += 1;
      if (received === 1) exactlyOnce += 1;
      if (received === 0) missing += 1;
      duplicates += Math.max(0, received - 1);
    }
  }
  return { expected, exactlyOnce, duplicates, missing };
}
