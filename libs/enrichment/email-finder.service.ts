import { Inject, Injectable } from '@nestjs/common';
import { patternCandidates } from './email-patterns';
import { ProviderClients } from './provider-clients';
import { ProviderKeys } from './provider-keys.service';
import { ProviderError } from './providers/provider-error';
import { ProviderRateLimiter } from './rate-limiter';
import { BuiltinVerifier } from './builtin-verifier';

export interface FinderQuery {
  firstName: string;
  lastName: string;
  /** Normalised (lower-case ASCII). */
  domain: string;
}

export interface FinderCandidate {
  email: string;
  /** 0–100. */
  confidence: number;
  source: 'hunter' | 'pattern';
  /** For pattern candidates: which shape, e.g. {first}.{last}. */
  pattern?: string;
}

export interface FinderAnswer {
  source: 'hunter' | 'patterns';
  /** Whether the domain receives mail (DNS); null when DNS did not answer. Not asked when Hunter found the address. */
  domainAcceptsMail: boolean | null;
  candidates: FinderCandidate[];
  /** Why Hunter was not used although the account configured it (its error code), when so. */
  hunterError?: string;
}

/**
 * Finds a person's likely address at a company: Hunter's Email Finder when the account has a
 * Hunter key, else (or when Hunter finds nothing or fails) the usual address patterns, kept only
 * when the domain receives mail. The names and the domain are personal data: nothing here logs
 * or stores them; the answer goes back to the caller only.
 */
@Injectable()
export class EmailFinder {
  constructor(
    @Inject(ProviderClients) private readonly clients: ProviderClients,
    @Inject(ProviderKeys) private readonly keys: ProviderKeys,
    @Inject(ProviderRateLimiter) private readonly limiter: ProviderRateLimiter,
  ) {}

  async find(accountId: string, query: FinderQuery): Promise<FinderAnswer> {
    let hunterError: string | undefined;
    const apiKey = await this.keys.open(accountId, 'hunter');
    if (apiKey) {
      try {
        await this.limiter.acquire('hunter', accountId, 5_000);
        const found = await this.clients.hunter.findEmail(apiKey, query);
        if (found) {
          return { source: 'hunter', domainAcceptsMail: null, candidates: [{ email: found.email, confidence: found.score, source: 'hunter' }] };
        }
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        hunterError = error.code;
      }
    }
    return { ...(await this.patterns(query)), ...(hunterError ? { hunterError } : {}) };
  }

  private async patterns(query: FinderQuery): Promise<FinderAnswer> {
    if (BuiltinVerifier.isDisposable(query.domain)) return { source: 'patterns', domainAcceptsMail: false, candidates: [] };
    const mail = await this.clients.builtin.mailDomain(query.domain);
    if (mail.accepts === false) return { source: 'patterns', domainAcceptsMail: false, candidates: [] };
    // DNS did not answer: the shapes are still worth showing, with half the confidence.
    const weight = mail.accepts ? 1 : 0.5;
    const candidates = patternCandidates(query.firstName, query.lastName, query.domain)
      .filter((candidate) => BuiltinVerifier.syntax(candidate.email) !== null)
      .map(({ email, pattern, confidence }) => ({ email, pattern, confidence: Math.round(confidence * weight), source: 'pattern' as const }));
    return { source: 'patterns', domainAcceptsMail: mail.accepts, candidates };
  }
}
