import type { EntityManager } from 'typeorm';
import { ofProspect } from './bounce-effects';
import { endEnrollments } from './enrollment-ends';
import { PUBLIC_MAIL_DOMAINS } from './inbound-matching';
import type { InboundEffect } from './inbound.repository';

/**
 * The prospect replied: their sequences in every other campaign end too ('stopped',
 * prospect_replied), locked in the order the send claim takes them (enrollments, then the prospect).
 */
export async function stopOtherCampaigns(manager: EntityManager, prospectId: string): Promise<string[]> {
  const ended = await endEnrollments(manager, ofProspect(prospectId), { status: 'stopped', reason: 'prospect_replied' });
  return ended.map((row) => row.id);
}

/** The person left: their running sequences end, locked in the order the send claim takes them. */
export async function stopLeftCompany(manager: EntityManager, prospectId: string): Promise<InboundEffect> {
  const ended = await endEnrollments(manager, ofProspect(prospectId), { status: 'stopped', reason: 'left_company' });
  if (ended.length === 0) return { kind: 'none' };
  return { kind: 'stopped', enrollmentIds: ended.map((row) => row.id), reason: 'left_company' };
}

/**
 * When the campaign asks for it, a reply ends the sequences of everyone at the same company in
 * that campaign: same company name, else the same email domain, unless anyone may have an
 * address there (a public mail provider).
 */
export async function stopSameCompany(manager: EntityManager, enrollmentId: string): Promise<string[]> {
  const [replier]: { campaign_id: string; company: string | null; domain: string }[] = await manager.query(
    `SELECT e.campaign_id, lower(nullif(trim(p.company), '')) AS company, lower(split_part(p.email, '@', 2)) AS domain
     FROM enrollments e JOIN prospects p ON p.id = e.prospect_id JOIN campaigns c ON c.id = e.campaign_id
     WHERE e.id = $1 AND c.stop_on_company_reply`,
    [enrollmentId],
  );
  if (!replier || (replier.company === null && PUBLIC_MAIL_DOMAINS.has(replier.domain))) return [];
  const colleagues = replier.company !== null
    ? { sql: `lower(trim(p.company)) = $3`, value: replier.company }
    : { sql: `lower(split_part(p.email, '@', 2)) = $3`, value: replier.domain };
  const ended = await endEnrollments(manager, {
    where: `e.campaign_id = $1 AND e.id <> $2 AND ${colleagues.sql}`,
    params: [replier.campaign_id, enrollmentId, colleagues.value],
  }, { status: 'stopped', reason: 'company_replied' });
  return ended.map((row) => row.id);
}
