import { z } from 'zod';
import { duration } from './config-fields';

/**
 * Self-service accounts: how long a sign-up's confirmation token and an invitation stay valid,
 * and the brake on the public sign-up and invitation routes (no API key to meter them by):
 * at most `perIp` requests from one IP address and `perEmail` for one address per window.
 */
export interface SignupsConfig {
  readonly signupTokenTtlMs: number;
  readonly invitationTtlMs: number;
  readonly publicLimits: { readonly perIp: number; readonly perEmail: number; readonly windowMs: number };
}

const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);

export const SIGNUPS_FIELDS = {
  SIGNUP_TOKEN_TTL: duration('24h', 1_000),
  INVITATION_TTL: duration('7d', 1_000),
  SIGNUP_LIMIT_PER_IP: count(20),
  SIGNUP_LIMIT_PER_EMAIL: count(3),
  SIGNUP_LIMIT_WINDOW: duration('1h', 1_000),
};

type Parsed = z.output<z.ZodObject<typeof SIGNUPS_FIELDS>>;

export function signupsConfig(v: Parsed): SignupsConfig {
  return {
    signupTokenTtlMs: v.SIGNUP_TOKEN_TTL,
    invitationTtlMs: v.INVITATION_TTL,
    publicLimits: { perIp: v.SIGNUP_LIMIT_PER_IP, perEmail: v.SIGNUP_LIMIT_PER_EMAIL, windowMs: v.SIGNUP_LIMIT_WINDOW },
  };
}
