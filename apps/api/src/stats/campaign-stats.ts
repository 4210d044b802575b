import { DEFAULT_VARIANT } from '@relance/db/entities/message.entity';
import type { OutcomeCounts, ProspectCounts, VariantCounts } from '@relance/db/repositories/stats.repository';

/** Each count divided by `sent` (0 to 1); null when nothing was sent, so "no data" never reads as 0 %. */
export interface OutcomeRates {
  opened: number | null;
  clicked: number | null;
  replied: number | null;
  bounced: number | null;
  unsubscribed: number | null;
  complained: number | null;
}

export interface VariantStats extends OutcomeCounts {
  variant: string;
  rates: OutcomeRates;
}

export interface StepStats extends OutcomeCounts {
  stepId: string;
  position: number;
  rates: OutcomeRates;
  variants: VariantStats[];
}

export interface CampaignTotals extends ProspectCounts {
  /** Emails sent over all steps (each prospect counts once in `sent`). */
  emailsSent: number;
  rates: OutcomeRates;
}

export interface CampaignStats {
  campaignId: string;
  totals: CampaignTotals;
  steps: StepStats[];
}

const OUTCOMES = ['opened', 'clicked', 'replied', 'bounced', 'unsubscribed', 'complained'] as const;

export function ratesOf(counts: OutcomeCounts): OutcomeRates {
  const rate = (count: number) => (counts.sent === 0 ? null : count / counts.sent);
  return Object.fromEntries(OUTCOMES.map((name) => [name, rate(counts[name])])) as unknown as OutcomeRates;
}

/**
 * Puts the counts of each (step, variant) under its email step, in sequence order. A step's
 * counts are the sum of its variants' (a message belongs to one variant); a step nothing was
 * sent for yet shows its variant with zeros.
 */
export function buildCampaignStats(
  campaignId: string,
  emailSteps: readonly { id: string; position: number }[],
  variantCounts: readonly VariantCounts[],
  prospects: ProspectCounts,
): CampaignStats {
  const steps = [...emailSteps]
    .sort((a, b) => a.position - b.position)
    .map((step): StepStats => {
      const rows = variantCounts.filter((row) => row.stepId === step.id);
      const variants = (rows.length > 0 ? rows : [{ ...zero(), variant: DEFAULT_VARIANT }])
        .map(({ variant, ...row }) => ({ variant, ...counts(row), rates: ratesOf(row) }))
        .sort((a, b) => a.variant.localeCompare(b.variant));
      const total = variants.reduce(add, zero());
      return { stepId: step.id, position: step.position, ...total, rates: ratesOf(total), variants };
    });
  const emailsSent = steps.reduce((sum, step) => sum + step.sent, 0);
  return { campaignId, totals: { ...prospects, emailsSent, rates: ratesOf(prospects) }, steps };
}

function zero(): OutcomeCounts {
  return { sent: 0, opened: 0, clicked: 0, replied: 0, bounced: 0, unsubscribed: 0, complained: 0 };
}

function counts(row: OutcomeCounts): OutcomeCounts {
  return add(zero(), row);
}

function add(a: OutcomeCounts, b: OutcomeCounts): OutcomeCounts {
  return {
    sent: a.sent + b.sent,
    opened: a.opened + b.opened,
    clicked: a.clicked + b.clicked,
    replied: a.replied + b.replied,
    bounced: a.bounced + b.bounced,
    unsubscribed: a.unsubscribed + b.unsubscribed,
    complained: a.complained + b.complained,
  };
}
