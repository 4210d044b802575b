import { domainToASCII } from 'node:url';

/** Zero-width space, non-joiner and joiner, word joiner, byte-order mark: invisible in an address. */
const INVISIBLE = '\\u200B-\\u200D\\u2060\\uFEFF';
const INVISIBLE_OR_SPACE_AT_EDGES = new RegExp(`^[\\s${INVISIBLE}]+|[\\s${INVISIBLE}]+$`, 'g');

/** True when no invisible character is left in an address once its edges are trimmed. */
export const WITHOUT_INVISIBLE_CHARACTERS = new RegExp(`^[^${INVISIBLE}]*$`);

/**
 * The one spelling of an address, for prospects and the suppression list alike: trimmed of
 * spaces and invisible characters (a copy-paste from a web page brings a zero-width space),
 * Unicode NFC, lower-case, the domain in its ASCII (punycode) form: "Ada@Bücher.DE ",
 * "ada@bu\u0308cher.de" and "ada@xn--bcher-kva.de" are one mailbox. Sub-addresses (+tag) and
 * dots are kept: what they mean depends on the provider, and guessing wrong would merge or
 * suppress someone else.
 */
export function normaliseEmail(email: string): string {
  const address = email.replace(INVISIBLE_OR_SPACE_AT_EDGES, '').normalize('NFC').toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  return `${address.slice(0, at)}@${normaliseDomain(address.slice(at + 1)) ?? address.slice(at + 1)}`;
}

/** Lower-case ASCII form without a trailing dot, or null when it is not a domain name. */
export function normaliseDomain(domain: string): string | null {
  const trimmed = domain.trim().replace(/\.$/, '');
  if (trimmed === '' || /[\s@/]/.test(trimmed)) return null;
  const ascii = domainToASCII(trimmed.normalize('NFC')).toLowerCase();
  return ascii === '' ? null : ascii;
}
