import { domainToASCII } from 'node:url';
import { LinkifyIt } from 'linkify-it';

/** Where the API serves the open pixel (<base>/t/o/<token>.gif) and tracked links (<base>/t/c/<token>). */
export const TRACKING_ROUTE = 't';

/** Links past this many in one email are linked as they are, untracked: a token each makes URLs add up. */
export const MAX_TRACKED_LINKS = 100;

/** A piece of a text body: plain text, or an http(s) link as written and the URL it stands for. */
export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; url: string };

/**
 * http(s) links only, as written: no schemaless "acme.com", no e-mail addresses, no ftp, mailto or
 * protocol-relative links. Credentials stay part of the link ("https://user:pw@host/"), as before.
 */
const LINKS = new LinkifyIt({ fuzzyLink: false, fuzzyEmail: false, urlAuth: true }).add('ftp:', null).add('mailto:', null).add('//', null);

/**
 * Splits a text body into text and http(s) links, the way mail clients linkify plain text
 * (linkify-it): trailing sentence punctuation, quotes and unbalanced closing brackets, ASCII or
 * not, are not part of the link. A link's `url` is its WHATWG-serialised form (host in punycode,
 * path percent-encoded), safe to put in an HTML attribute or a Location header; `text` is what
 * the body shows.
 */
export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of LINKS.match(text) ?? []) {
    const url = webUrl(match.raw);
    if (!url) continue;
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    segments.push({ kind: 'link', text: match.raw, url });
    last = match.lastIndex;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/**
 * The distinct URLs of a body's links in order of first appearance, at most MAX_TRACKED_LINKS:
 * what an email stores as its tracked links, a click token naming a position in this list.
 */
export function trackedLinksOf(text: string): string[] {
  const urls = new Set<string>();
  for (const segment of splitLinks(text)) {
    if (segment.kind === 'link' && urls.size < MAX_TRACKED_LINKS) urls.add(segment.url);
  }
  return [...urls];
}

function webUrl(text: string): string | null {
  try {
    const url = new URL(text);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
    return url.href;
  } catch {
    return null;
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * A tracking domain as stored: lower-case ASCII (IDNs in punycode), no trailing dot; null when
 * it is not a host name (`track.acme.com`; `localhost` and `127.0.0.1` for local set-ups).
 * Schemes, ports, paths and IP addresses are refused: the domain is all a customer's DNS
 * record (a CNAME to Relance) needs.
 */
export function normaliseTrackingDomain(input: string): string | null {
  const trimmed = input.trim().replace(/\.$/, '');
  if (!trimmed || /[\s/:@?#\\]/.test(trimmed)) return null;
  const host = domainToASCII(trimmed.toLowerCase());
  if (!host || host.length > 253) return null;
  if (LOCAL_HOSTS.has(host)) return host;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  // An all-numeric last label is an IP address (or half of one), not a domain.
  if (/^\d+$/.test(labels.at(-1)!)) return null;
  return host;
}

/**
 * The base URL of an email's pixel and tracked links: the campaign's (else the account's)
 * tracking domain over https (http for localhost), or the API's public URL without one.
 */
export function trackingBaseUrl(domain: string | null, publicUrl: string): string {
  if (!domain) return publicUrl.replace(/\/+$/, '');
  return `${LOCAL_HOSTS.has(domain) ? 'http' : 'https'}://${domain}`;
}

export function openPixelUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/${TRACKING_ROUTE}/o/${token}.gif`;
}

export function clickUrl(baseUrl: string, token: string): string {
  return `${baseUrl}/${TRACKING_ROUTE}/c/${token}`;
}

/** What a click token is signed for: the outbox message and the link's index in its tracked links. */
export function clickSubject(messageId: string, index: number): string {
  return `${messageId}:${index}`;
}

export function parseClickSubject(subject: string): { messageId: string; index: number } | null {
  const match = /^([0-9a-f-]{36}):(\d{1,4})$/i.exec(subject);
  return match ? { messageId: match[1].toLowerCase(), index: Number(match[2]) } : null;
}
