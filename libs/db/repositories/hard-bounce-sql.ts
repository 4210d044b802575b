import { BOUNCE_EFFECT, type BounceEffect, type BounceReason } from '@relance/mail/classification/bounce-reasons';

/** The reasons whose effect is `effect`, as a SQL list of literals (the taxonomy's names hold no quote). */
function reasonsSql(effect: BounceEffect): string {
  const reasons = (Object.keys(BOUNCE_EFFECT) as BounceReason[]).filter((reason) => BOUNCE_EFFECT[reason] === effect);
  return reasons.map((reason) => `'${reason}'`).join(', ');
}

/**
 * SQL for "inbound message `alias` says the recipient is gone": a bounce whose stored reason
 * suppresses (user unknown, host unknown, mailbox disabled, moved, null MX). What counts is
 * BOUNCE_EFFECT, the one table of what each reason does, never the status's first digit.
 */
export function hardBounceSql(alias: string): string {
  return `(${alias}.kind = 'bounce' AND ${alias}.bounce_reason IN (${reasonsSql('suppress')}))`;
}

/** SQL for "inbound message `alias` is a complaint" (an ARF feedback report). */
export function complaintSql(alias: string): string {
  return `(${alias}.kind = 'complaint')`;
}
