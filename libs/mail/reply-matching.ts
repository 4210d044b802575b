import { normalizeMessageId } from './message-id';
import type { InboundMail } from './inbound-mail';

/**
 * The Message-IDs an inbound mail may be answering, most specific first: In-Reply-To names the
 * message replied to, then References from newest to oldest (a client that drops In-Reply-To
 * still lists the thread there, last entry being the direct parent).
 */
export function candidateMessageIds(mail: Pick<InboundMail, 'inReplyTo' | 'references'>): string[] {
  const ordered = [...mail.inReplyTo, ...[...mail.references].reverse()];
  const ids = new Set<string>();
  for (const raw of ordered) {
    const id = normalizeMessageId(raw);
    if (id) ids.add(id);
  }
  return [...ids];
}
