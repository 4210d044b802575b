import { SOFT_PERMANENT_STATUSES } from '@relance/mail/classification/bounce-status';

/**
 * SQL for "inbound message `alias` is a hard bounce", the rule isHardBounceStatus applies in
 * code: a 5.x.x status other than the ones that only mean "not now" (a full mailbox).
 */
export function hardBounceSql(alias: string): string {
  const soft = SOFT_PERMANENT_STATUSES.map((status) => `'${status}'`).join(', ');
  return `(${alias}.kind = 'bounce' AND ${alias}.bounce_status LIKE '5.%' AND ${alias}.bounce_status NOT IN (${soft}))`;
}
