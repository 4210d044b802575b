/**
 * The usual shapes of a company address, most common first, with how often each is a company's
 * pattern (rough shares as reported by email-finder vendors; only their order matters much).
 */
const PATTERNS: { pattern: string; share: number; build: (first: string, last: string) => string }[] = [
  { pattern: '{first}.{last}', share: 0.45, build: (f, l) => `${f}.${l}` },
  { pattern: '{f}{last}', share: 0.15, build: (f, l) => `${f[0]}${l}` },
  { pattern: '{first}', share: 0.1, build: (f) => f },
  { pattern: '{first}{last}', share: 0.08, build: (f, l) => `${f}${l}` },
  { pattern: '{f}.{last}', share: 0.06, build: (f, l) => `${f[0]}.${l}` },
  { pattern: '{first}_{last}', share: 0.04, build: (f, l) => `${f}_${l}` },
  { pattern: '{first}{l}', share: 0.03, build: (f, l) => `${f}${l[0]}` },
  { pattern: '{last}.{first}', share: 0.03, build: (f, l) => `${l}.${f}` },
  { pattern: '{last}', share: 0.03, build: (_f, l) => l },
  { pattern: '{first}-{last}', share: 0.03, build: (f, l) => `${f}-${l}` },
];

export interface PatternCandidate {
  email: string;
  pattern: string;
  /** 0–100: the pattern's share, on a domain that receives mail. */
  confidence: number;
}

/** "Éloïse Du Pont" → "eloise", "dupont": accents folded, spaces and punctuation dropped (hyphens kept). */
export function localPart(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9-]/g, '').replace(/^-+|-+$/g, '');
}

/** The candidates for a person at a domain, most likely first; none when a name folds to nothing. */
export function patternCandidates(firstName: string, lastName: string, domain: string): PatternCandidate[] {
  const first = localPart(firstName);
  const last = localPart(lastName);
  if (first === '' || last === '') return [];
  const seen = new Set<string>();
  return PATTERNS.flatMap(({ pattern, share, build }) => {
    const email = `${build(first, last)}@${domain}`;
    if (seen.has(email)) return [];
    seen.add(email);
    return [{ email, pattern, confidence: Math.round(share * 100) }];
  });
}
