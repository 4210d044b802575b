/** One rate-limit policy's state after a request counted against it. */
export interface PolicyState {
  /** The policy's name in the RateLimit fields: `per-key`, `expensive`. */
  name: string;
  /** Requests the policy allows per window. */
  quota: number;
  windowSeconds: number;
  /** Requests left in the current window (0 once over). */
  remaining: number;
  /** Milliseconds until the current window ends. */
  msBeforeReset: number;
}

/** Whole seconds until the window ends, never 0 while some time is left (clients would retry at once). */
export function secondsUntilReset(state: PolicyState): number {
  return Math.max(1, Math.ceil(state.msBeforeReset / 1000));
}

/** The policy a caller is closest to exhausting: the one the legacy three headers describe. */
export function bindingPolicy(states: readonly PolicyState[]): PolicyState {
  return states.reduce((tightest, state) => (state.remaining < tightest.remaining ? state : tightest));
}

/**
 * The response headers for the policies a request counted against. The current IETF draft
 * (draft-ietf-httpapi-ratelimit-headers-09 and later) defines `RateLimit-Policy` (quota `q`,
 * window `w`) and `RateLimit` (remaining `r`, seconds to reset `t`), one list item per policy;
 * the three fields of its earlier revisions (`RateLimit-Limit`, `-Remaining`, `-Reset`), which
 * most clients still read, describe the binding policy.
 */
export function rateLimitHeaders(states: readonly PolicyState[]): Record<string, string> {
  const binding = bindingPolicy(states);
  return {
    'RateLimit-Limit': String(binding.quota),
    'RateLimit-Remaining': String(Math.max(0, binding.remaining)),
    'RateLimit-Reset': String(secondsUntilReset(binding)),
    'RateLimit-Policy': states.map((s) => `"${s.name}";q=${s.quota};w=${s.windowSeconds}`).join(', '),
    RateLimit: states.map((s) => `"${s.name}";r=${Math.max(0, s.remaining)};t=${secondsUntilReset(s)}`).join(', '),
  };
}

/** What a 429 says: which limit, and when to come back. */
export function rateLimitedMessage(exceeded: PolicyState, what: string): string {
  return `Rate limit exceeded: ${exceeded.quota} ${what} per ${exceeded.windowSeconds} s for this API key; `
    + `retry in ${secondsUntilReset(exceeded)} s (see Retry-After)`;
}
