import type { EntityManager } from 'typeorm';
import { normaliseEmail } from '@relance/mail/email-address';

/** How an inbound message was tied to one of our emails. */
export type MatchKind = 'thread' | 'sender' | 'domain';

export interface MatchedMessage {
  id: string;
  account_id: string;
  enrollment_id: string;
  prospect_id: string;
  to_address: string;
  how: MatchKind;
}

/**
 * Domains anyone can have an address at: two people there share nothing but a provider, so
 * a "reply from the same company" cannot be read from them.
 */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.fr', 'live.com', 'live.fr', 'msn.com',
  'yahoo.com', 'yahoo.fr', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de',
  'gmx.fr', 'web.de', 'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'yandex.com', 'mail.ru', 'zoho.com',
]);

const COLUMNS = `m.id, m.account_id, m.enrollment_id, m.to_address, e.prospect_id`;

/**
 * Finds the email of ours an inbound message answers: by its thread (In-Reply-To/References),
 * else — for people, not bounces — by its sender being one we wrote to, else by a sender at
 * the same company domain (a "secondary reply": a colleague answers for them). Most recent
 * email first. Null when it is about nothing of ours.
 */
export async function matchInbound(
  manager: EntityManager,
  input: { mailboxId: string; candidateMessageIds: string[]; fromAddress: string | null; byPerson: boolean },
): Promise<MatchedMessage | null> {
  if (input.candidateMessageIds.length > 0) {
    const [thread] = await manager.query(
      `SELECT ${COLUMNS} FROM messages m JOIN enrollments e ON e.id = m.enrollment_id
       WHERE m.mailbox_id = $1 AND m.message_id_header = ANY($2::text[])
       ORDER BY array_position($2::text[], m.message_id_header) LIMIT 1`,
      [input.mailboxId, input.candidateMessageIds],
    );
    if (thread) return { ...thread, how: 'thread' };
  }
  // Spelt as prospect addresses are stored (the domain in ASCII): "Ada@Bücher.de" is ada@xn--bcher-kva.de.
  const from = input.fromAddress ? normaliseEmail(input.fromAddress) : undefined;
  if (!input.byPerson || !from || !from.includes('@')) return null;
  const latestTo = `FROM messages m JOIN enrollments e ON e.id = m.enrollment_id
       WHERE m.mailbox_id = $1 AND m.status IN ('sent', 'unknown') AND %s
       ORDER BY m.sent_at DESC NULLS LAST, m.created_at DESC LIMIT 1`;
  const [sender] = await manager.query(`SELECT ${COLUMNS} ${latestTo.replace('%s', 'lower(m.to_address) = $2')}`, [
    input.mailboxId, from,
  ]);
  if (sender) return { ...sender, how: 'sender' };
  const domain = from.slice(from.lastIndexOf('@') + 1);
  if (PUBLIC_MAIL_DOMAINS.has(domain)) return null;
  const [colleague] = await manager.query(
    `SELECT ${COLUMNS} ${latestTo.replace('%s', `lower(split_part(m.to_address, '@', 2)) = $2`)}`,
    [input.mailboxId, domain],
  );
  return colleague ? { ...colleague, how: 'domain' } : null;
}
