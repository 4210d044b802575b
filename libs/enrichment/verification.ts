/**
 * What any verifier says of an address, in one vocabulary: valid (deliverable), invalid
 * (undeliverable), accept_all (the domain accepts everything: cannot tell), disposable (a
 * throwaway inbox), risky (role address, spam trap, abuse…), unknown (no answer).
 */
export type Verdict = 'valid' | 'invalid' | 'accept_all' | 'disposable' | 'risky' | 'unknown';

export interface Verification {
  verdict: Verdict;
  /** 0–100 when the provider scores (Hunter); null otherwise. */
  score: number | null;
  /** The provider's own words, reduced to what Relance shows (status, sub-status, MX host…). */
  details: Record<string, unknown>;
}

/** Prospect fields an enrichment may fill, only where the rep left them empty. */
export interface ProspectFacts {
  position?: string;
  company?: string;
  country?: string;
}

export interface Enrichment {
  facts: ProspectFacts;
  details: Record<string, unknown>;
}
