import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import type { Suppression, SuppressionReason } from '@relance/db/entities/suppression.entity';
import { SuppressionRepository, UnsubscribedRecipient } from '@relance/db/repositories/suppression.repository';
import { hashEmail, normaliseDomain, normaliseEmail, suppressionKeysFor } from './suppression-keys';

export interface SuppressionCheck {
  suppressed: boolean;
  /** The entry that matched, when one did. */
  suppression?: Suppression;
}

/**
 * The account's do-not-contact list. Addresses go in and are looked up only through their
 * keyed hash (SUPPRESSION_HASH_KEY), so the list never holds one in clear and an erased
 * person stays suppressed; domains are kept as they are.
 */
@Injectable()
export class SuppressionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SuppressionRepository) private readonly suppressions: SuppressionRepository,
  ) {}

  hashEmail(email: string): string {
    return hashEmail(this.config.suppression.hashKey, email);
  }

  /** Adds the address (its keyed hash) and ends the running sequences to it: see SuppressionRepository.addManual. */
  suppressEmail(accountId: string, email: string, reason: SuppressionReason, sourceMessageId?: string) {
    const entry = { kind: 'email', emailHash: this.hashEmail(email), reason, sourceMessageId } as const;
    return this.suppressions.addManual(accountId, entry, { email: normaliseEmail(email) });
  }

  /**
   * Adds the domain (stored normalised; the API validates it is one) and ends the running
   * sequences to it and its subdomains.
   */
  suppressDomain(accountId: string, domain: string, reason: SuppressionReason) {
    const normalised = normaliseDomain(domain);
    if (!normalised) throw new Error('suppressDomain needs a domain name');
    return this.suppressions.addManual(accountId, { kind: 'domain', domain: normalised, reason }, { domain: normalised });
  }

  /** Whether the account may not write to `email`: by its own entry or by its domain's. */
  async isSuppressed(accountId: string, email: string): Promise<SuppressionCheck> {
    const match = await this.suppressions.findMatch(accountId, suppressionKeysFor(this.config.suppression.hashKey, email));
    return match ? { suppressed: true, suppression: match } : { suppressed: false };
  }

  /** Which of `emails` the account may not write to (by their own entries or their domains'). */
  async suppressedAmong(accountId: string, emails: readonly string[]): Promise<Set<string>> {
    const keys = emails.map((email) => suppressionKeysFor(this.config.suppression.hashKey, email));
    const found = await this.suppressions.matchingKeys(accountId, keys);
    return new Set(
      emails.filter((_, i) => found.emailHashes.has(keys[i].emailHash) || keys[i].domains.some((d) => found.domains.has(d))),
    );
  }

  /** See SuppressionRepository.unsubscribeRecipient: list, prospect and enrollments in one transaction. */
  unsubscribeRecipient(messageId: string): Promise<UnsubscribedRecipient | null> {
    return this.suppressions.unsubscribeRecipient(messageId, (email) => this.hashEmail(email));
  }
}
