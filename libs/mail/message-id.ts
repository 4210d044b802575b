import { domainToASCII } from 'node:url';
import { MailError } from './mail-error';

/** Outbox ids become the left part of a Message-ID, so they must be plain dot-atom text. */
const OUTBOX_ID = /^[A-Za-z0-9._-]+$/;
const FORBIDDEN_IN_ID = /[\s<>()[\]\\",;]/;

/**
 * The Message-ID of an outbox row, derived from the row alone: after a crash between the SMTP
 * send and the status update, the same id can be searched for in the Sent folder and in replies.
 */
export function buildMessageId(outboxId: string, senderAddress: string): string {
  if (!OUTBOX_ID.test(outboxId)) {
    throw new MailError('invalid_address', `outbox id ${JSON.stringify(outboxId)} cannot be used in a Message-ID`);
  }
  const at = senderAddress.lastIndexOf('@');
  const domain = at < 0 ? '' : domainToASCII(senderAddress.slice(at + 1).trim());
  if (!domain) {
    throw new MailError('invalid_address', `the sender address of outbox row ${outboxId} has no valid domain`);
  }
  return `<relance.${outboxId}@${domain.toLowerCase()}>`;
}

/**
 * Canonical form used for storage and comparison: `<local@domain>`, the domain lower-cased
 * (domains are case-insensitive, the local part is not). Returns null for anything that is not
 * a Message-ID.
 */
export function normalizeMessageId(raw: string): string | null {
  let id = raw.trim();
  if (id.startsWith('<')) id = id.slice(1);
  if (id.endsWith('>')) id = id.slice(0, -1);
  id = id.trim();
  const at = id.lastIndexOf('@');
  if (at <= 0 || at === id.length - 1 || FORBIDDEN_IN_ID.test(id)) return null;
  return `<${id.slice(0, at)}@${id.slice(at + 1).toLowerCase()}>`;
}

/**
 * Reads the ids of a References or In-Reply-To header in header order, normalized and without
 * duplicates. Accepts folded values and several header instances; ids without angle brackets
 * are accepted only when the value has no bracketed id at all (some mailers omit them).
 */
export function parseMessageIdList(value: string | readonly string[] | undefined | null): string[] {
  if (value == null) return [];
  const values = typeof value === 'string' ? [value] : value;
  const ids = new Set<string>();
  for (const text of values) {
    for (const token of tokens(text.replace(/\r?\n[ \t]+/g, ' '))) {
      const id = normalizeMessageId(token);
      if (id) ids.add(id);
    }
  }
  return [...ids];
}

function tokens(text: string): string[] {
  const bracketed = [...text.matchAll(/<([^<>]*)>/g)].map((match) => match[1]);
  if (bracketed.length > 0) return bracketed;
  return text
    .replace(/\([^()]*\)/g, ' ')
    .split(/[\s,]+/)
    .filter((token) => token.length > 0);
}
