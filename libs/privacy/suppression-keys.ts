import { createHmac } from 'node:crypto';
import type { SuppressionKeys } from '@relance/db/repositories/suppression.repository';
import { normaliseDomain, normaliseEmail } from '@relance/mail/email-address';

// Shared with prospects (one spelling of an address everywhere); exported here as before.
export { normaliseDomain, normaliseEmail };

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

/** The address's domain, normalised; null when it has none. */
export function emailDomain(email: string): string | null {
  const address = normaliseEmail(email);
  const at = address.lastIndexOf('@');
  return at < 0 ? null : normaliseDomain(address.slice(at + 1));
}

/** "a.b.example.com" → itself, "b.example.com", "example.com" (never the bare top-level domain). */
export function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  const result: string[] = [];
  for (let i = 0; i < Math.max(labels.length - 1, 1); i++) result.push(labels.slice(i).join('.'));
  return result;
}
