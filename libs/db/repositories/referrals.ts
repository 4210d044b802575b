import type { EntityManager } from 'typeorm';
import { normaliseEmail } from '@relance/mail/email-address';
import { endEnrollments } from './enrollment-ends';
import type { MatchedMessage } from './inbound-matching';
import type { InboundEffect } from './inbound.repository';

/** SQL: the account ($1) has a prospect at the normalised address $2. */
export const ALREADY_PROSPECT = `EXISTS (SELECT 1 FROM prospects p WHERE p.account_id = $1 AND p.email = $2)`;
/** SQL: the account ($1) suppresses the address $2 (keyed hash $3) or its domain or a parent domain. */
export const SUPPRESSED_ADDRESS = `EXISTS (SELECT 1 FROM suppressions s WHERE s.account_id = $1 AND (
    s.email_hash = $3 OR (s.kind = 'domain' AND (split_part($2, '@', 2) = s.domain
      OR right(split_part($2, '@', 2), length(s.domain) + 1) = '.' || s.domain))))`;

/**
 * A colleague answered that the prospect left and offered `colleague`, in the caller's transaction:
 * - every running sequence to the departed prospect ends ('stopped', left_company), as an
 *   automatic left-company notice ends them: neither `replied` (they did not) nor the colleagues'
 *   sequences stopped, which a reply would do; the message itself counts as a reply in the stats;
 * - the colleague becomes a pending suggestion for the rep, unless the account suppresses the
 *   address (nobody asks to be suggested who asked not to be written to) or already has it as a
 *   prospect (the rep has them: a suggestion would only say so), or the address is already pending.
 */
export async function recordReferral(
  manager: EntityManager,
  matched: MatchedMessage,
  referral: { inboundMessageId: string; colleague: { address: string; name: string | null } },
  hashEmail: (email: string) => string,
): Promise<InboundEffect> {
  const ended = await endEnrollments(manager, { where: `e.prospect_id = $1`, params: [matched.prospect_id] }, {
    status: 'stopped', reason: 'left_company',
  });
  const email = normaliseEmail(referral.colleague.address);
  await manager.query(
    `INSERT INTO prospect_suggestions (account_id, campaign_id, source_inbound_message_id, departed_prospect_id, email, name)
     SELECT $1, e.campaign_id, $4, e.prospect_id, $2, $6 FROM enrollments e
     WHERE e.id = $5 AND NOT ${ALREADY_PROSPECT} AND NOT ${SUPPRESSED_ADDRESS}
     ON CONFLICT (account_id, email) WHERE status = 'pending' DO NOTHING`,
    [matched.account_id, email, hashEmail(email), referral.inboundMessageId, matched.enrollment_id, referral.colleague.name],
  );
  if (ended.length === 0) return { kind: 'none' };
  return { kind: 'stopped', enrollmentIds: ended.map((row) => row.id), reason: 'left_company' };
}

/** The effect a recorded referral had, read back on a re-read: the departed prospect's sequences it stopped. */
export async function currentReferralEffect(manager: EntityManager, matched: MatchedMessage): Promise<InboundEffect> {
  const left: { id: string }[] = await manager.query(
    `SELECT id FROM enrollments WHERE prospect_id = $1 AND status = 'stopped' AND stop_reason = 'left_company' ORDER BY id`,
    [matched.prospect_id],
  );
  const ids = left.map((row) => row.id);
  return ids.includes(matched.enrollment_id) ? { kind: 'stopped', enrollmentIds: ids, reason: 'left_company' } : { kind: 'none' };
}
