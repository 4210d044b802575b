import { createHmac } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { SuppressionKeys } from '../db/repositories/suppression.repository';

/**
 * How an address is recognised on the suppression list without being stored: a keyed hash
 * of its normalised form, and its domain with every parent domain (blocking example.com
 * blocks eu.example.com too).
 */
export function suppressionKeysFor(hashKey: Buffer, email: string): SuppressionKeys {
  const domain = emailDomain(email);
  return { emailHash: hashEmail(hashKey, email), domains: domain ? domainAndParents(domain) : [] };
}

/** HMAC-SHA256 (hex) of the normalised address: the same person always gives the same hash. */
export function hashEmail(hashKey: Buffer, email: string): string {
  return createHmac('sha256', hashKey).update(normaliseEmail(email), 'utf8').digest('hex');
}

/**
 * Trimmed, lower-case, Unicode NFC, the domain in its ASCII (punycode) form: "Ada@Bücher.DE "
 * and "ada@xn--bcher-kva.de" are one mailbox. Sub-addresses (+tag) and dots are kept: what
 * they mean depends on the provider, and guessing wrong would suppress someone else.
 */
export function normaliseEmail(email: string): string {
  const address = email.trim().normalize('NFC').toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  return `${address.slice(0, at)}@${normaliseDomain(address.slice(at + 1)) ?? address.slice(at + 1)}`;
}

/** The address's domain, normalised; null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at < 0 ? null : normaliseDomain(email.slice(at + 1));
}

/** Lower-case ASCII form without a trailing dot, or null when it is not a domain name. */
export function normaliseDomain(domain: string): string | null {
  const trimmed = domain.trim().replace(/\.$/, '');
  if (trimmed === '' || /[\s@/]/.test(trimmed)) return null;
  const ascii = domainToASCII(trimmed.normalize('NFC')).toLowerCase();
  return ascii === '' ? null : ascii;
}

/** "a.b.example.com" → itself, "b.example.com", "example.com" (never the bare top-level domain). */
export function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  const result: string[] = [];
  for (let i = 0; i < Math.max(labels.length - 1, 1); i++) result.push(labels.slice(i).join('.'));
  return result;
}
