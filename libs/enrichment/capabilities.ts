import type { EnrichmentKind, EnrichmentProvider } from '@relance/db';

/**
 * Which provider does what: every one verifies (the built-in verifier needs no key); Hunter
 * (Domain Search) and ZeroBounce (the validation's append data) also enrich. BriteVerify only verifies.
 */
export const PROVIDERS_FOR: Record<EnrichmentKind, readonly EnrichmentProvider[]> = {
  verify: ['builtin', 'hunter', 'briteverify', 'zerobounce'],
  enrich: ['hunter', 'zerobounce'],
};

/** The provider used when none is named. */
export const DEFAULT_PROVIDER: Record<EnrichmentKind, EnrichmentProvider> = { verify: 'builtin', enrich: 'hunter' };
