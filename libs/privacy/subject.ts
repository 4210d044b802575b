/**
 * Whom a privacy request or an erasure is about. Ids only: a person known only by an address
 * (a public request) is carried as the keyed hash of that address (SUPPRESSION_HASH_KEY), never
 * the address itself, so it can travel in workflow inputs and logs.
 */
export type PrivacySubject =
  | { kind: 'prospect'; accountId: string; prospectId: string }
  | { kind: 'user'; accountId: string; userId: string }
  /** Someone known by their address alone; `accountId` null: across every account. */
  | { kind: 'email'; accountId: string | null; emailHash: string };
