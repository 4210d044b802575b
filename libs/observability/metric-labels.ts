/**
 * A label value fit for Prometheus: a short code (`prospect_replied`, `hard_bounce`), never free
 * text. Reasons come from our own unions, but an error message or a future reason must neither
 * leak a person into a scrape nor grow the series without bound: anything else reads `other`.
 */
const CODE = /^[a-z][a-z0-9_]{0,47}$/;

export function codeLabel(value: string | null | undefined): string {
  return value && CODE.test(value) ? value : 'other';
}

/** Whether a `/metrics` caller may read: always when no token is configured, else only with it. */
export function metricsCallAllowed(token: string | null, authorization: string | undefined): boolean {
  if (token === null) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match !== null && constantTimeEqual(match[1], token);
}

function constantTimeEqual(given: string, expected: string): boolean {
  // Length is not secret; the content is compared without an early exit.
  if (given.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < given.length; i++) difference |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return difference === 0;
}
