import { z } from 'zod';
import { blankAsUnset, duration, webUrl } from './config-fields';
import { ConfigError } from './config-error';

/** What a plan allows; null: no limit. */
export interface PlanLimits {
  readonly mailboxes: number | null;
  /** Prospects with at least one enrollment still running (active or paused): see README "Billing". */
  readonly activeProspects: number | null;
  /** Emails claimed for sending per calendar month (UTC), resends included. */
  readonly monthlyEmails: number | null;
}

/** One plan customers subscribe to: `key` is what the API names, `priceId` the Stripe price it bills. */
export interface BillingPlan {
  readonly key: string;
  readonly name: string;
  readonly priceId: string;
  readonly trialDays: number;
  readonly limits: PlanLimits;
}

/**
 * Billing through Stripe. Disabled (null) unless STRIPE_SECRET_KEY is set: every account is then
 * unlimited, as a self-hosted install or the demo expects.
 */
export interface BillingConfig {
  readonly secretKey: string;
  readonly webhookSecret: string;
  /** Where the Stripe API is: Stripe's own unless pointed elsewhere (tests use a loopback stub). */
  readonly api: { readonly protocol: 'http' | 'https'; readonly host: string; readonly port: number };
  readonly plans: readonly BillingPlan[];
  /** How long a lapsed (unpaid, cancelled) subscription keeps sending before it pauses. */
  readonly gracePeriodMs: number;
  /** How old a webhook's signature timestamp may be before it is refused as a replay. */
  readonly webhookToleranceMs: number;
}

const limit = z.number().int().min(0).nullable();
const planSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be lower-case letters, digits, - or _ (at most 40)'),
  name: z.string().min(1).max(80),
  priceId: z.string().regex(/^price_\w+$/, 'must be a Stripe price id (price_…)'),
  trialDays: z.number().int().min(0).max(730).default(0),
  limits: z.object({ mailboxes: limit, activeProspects: limit, monthlyEmails: limit }).strict(),
}).strict();

/** BILLING_PLANS: a JSON array of plans; keys and price ids each used once. */
export function parsePlans(text: string): BillingPlan[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('is not JSON (a list of plans: [{"key":"starter","name":"Starter","priceId":"price_…","trialDays":14,"limits":{"mailboxes":3,"activeProspects":1000,"monthlyEmails":5000}}])');
  }
  const parsed = z.array(planSchema).min(1, 'must list at least one plan').safeParse(json);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((issue) => [issue.path.map((p) => `[${String(p)}]`).join(''), issue.message].filter(Boolean).join(' ')).join('; '));
  }
  for (const field of ['key', 'priceId'] as const) {
    const seen = new Set<string>();
    for (const plan of parsed.data) {
      if (seen.has(plan[field])) throw new Error(`${field} "${plan[field]}" is used by two plans`);
      seen.add(plan[field]);
    }
  }
  return parsed.data;
}

export const BILLING_FIELDS = {
  STRIPE_SECRET_KEY: z.preprocess(blankAsUnset, z.string().regex(/^(sk|rk)_\w+$/, 'must be a Stripe secret or restricted key (sk_… or rk_…)').optional()),
  STRIPE_WEBHOOK_SECRET: z.preprocess(blankAsUnset, z.string().regex(/^whsec_\w+$/, 'must be a webhook signing secret (whsec_…)').optional()),
  STRIPE_API_BASE: z.preprocess(blankAsUnset, webUrl().optional()),
  BILLING_PLANS: z.preprocess(blankAsUnset, z.string().optional()),
  BILLING_GRACE_PERIOD: duration('7d', 0),
  STRIPE_WEBHOOK_TOLERANCE: duration('5m', 1_000),
};

type Parsed = z.output<z.ZodObject<typeof BILLING_FIELDS>>;

/** The billing settings, or null (billing off); a ConfigError names each variable at fault, as the schema's do. */
export function billingConfig(v: Parsed): BillingConfig | null {
  const { config, problems } = readBilling(v);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readBilling(v: Parsed): { config: BillingConfig | null; problems: string[] } {
  if (!v.STRIPE_SECRET_KEY) {
    const stray = (['STRIPE_WEBHOOK_SECRET', 'BILLING_PLANS'] as const).filter((name) => v[name] !== undefined);
    return { config: null, problems: stray.map((name) => `${name} is set but STRIPE_SECRET_KEY is not (billing stays off without it)`) };
  }
  const problems: string[] = [];
  if (!v.STRIPE_WEBHOOK_SECRET) problems.push('STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set (the webhook endpoint\'s signing secret, whsec_…)');
  let plans: BillingPlan[] = [];
  if (!v.BILLING_PLANS) problems.push('BILLING_PLANS is required when STRIPE_SECRET_KEY is set (a JSON list of plans)');
  else {
    try {
      plans = parsePlans(v.BILLING_PLANS);
    } catch (error) {
      problems.push(`BILLING_PLANS ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) return { config: null, problems };
  const base = new URL(v.STRIPE_API_BASE ?? 'https://api.stripe.com');
  const protocol = base.protocol === 'http:' ? 'http' : 'https';
  return {
    problems,
    config: {
      secretKey: v.STRIPE_SECRET_KEY,
      webhookSecret: v.STRIPE_WEBHOOK_SECRET!,
      api: { protocol, host: base.hostname, port: Number(base.port || (protocol === 'http' ? 80 : 443)) },
      plans,
      gracePeriodMs: v.BILLING_GRACE_PERIOD,
      webhookToleranceMs: v.STRIPE_WEBHOOK_TOLERANCE,
    },
  };
}
