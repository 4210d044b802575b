/**
 * Permanent failure codes that mean "not now" rather than "never": a full mailbox (5.2.2,
 * RFC 3463) stays full only until its owner makes room, so mail providers and sending services
 * count it as a soft bounce. It is retried later and never suppresses the address.
 */
export const SOFT_PERMANENT_STATUSES: readonly string[] = ['5.2.2'];

/**
 * The rule bounces were judged by before reasons (any 5.x.x but 5.2.2 is hard). Classification
 * now decides by the verdict's reason (bounce-reasons.ts); this stays for rows stored by the old
 * rule until they are re-read.
 */
export function isHardBounceStatus(status: string | null | undefined): boolean {
  return typeof status === 'string' && status.startsWith('5.') && !SOFT_PERMANENT_STATUSES.includes(status);
}
