import { ApiProperty } from '@nestjs/swagger';

const rate = (what: string) =>
  ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1, description: `${what} / sent; null when sent is 0` });

export class OutcomeRatesDto {
  @rate('opened') opened: number | null;
  @rate('clicked') clicked: number | null;
  @rate('replied') replied: number | null;
  @rate('bounced') bounced: number | null;
  @rate('unsubscribed') unsubscribed: number | null;
  @rate('complained') complained: number | null;
}

/** Counts over emails: each sent message counts once, however many events it has. */
export class EmailCountsDto {
  @ApiProperty({ description: "Emails with status 'sent' (an 'unknown' one may or may not have left: not counted)" })
  sent: number;
  @ApiProperty({ description: 'Sent emails opened at least once (unique opens)' }) opened: number;
  @ApiProperty({ description: 'Sent emails with at least one link clicked (unique clicks)' }) clicked: number;
  @ApiProperty({ description: 'Sent emails answered by at least one reply (auto-replies excluded)' }) replied: number;
  @ApiProperty({ description: 'Sent emails that bounced because the recipient is gone (a bounce blaming the sender, or only for now, does not count)' })
  bounced: number;
  @ApiProperty({ description: "Sent emails whose unsubscribe link was used" }) unsubscribed: number;
  @ApiProperty({ description: 'Sent emails whose recipient complained (an abuse or opt-out report through a feedback loop)' })
  complained: number;
  @ApiProperty({ type: OutcomeRatesDto, description: 'Each count / sent' }) rates: OutcomeRatesDto;
}

export class VariantStatsDto extends EmailCountsDto {
  @ApiProperty({ example: 'A', description: "The step's A/B variant; every step has the one variant 'A' for now" })
  variant: string;
}

export class StepStatsDto extends EmailCountsDto {
  @ApiProperty({ format: 'uuid' }) stepId: string;
  @ApiProperty({ description: 'Position of the email step in the sequence, from 0 (wait steps count)' }) position: number;
  @ApiProperty({ type: [VariantStatsDto], description: "The step's counts split by variant; they add up to the step's" })
  variants: VariantStatsDto[];
}

/** Counts over prospects: each enrollment counts once, however many emails it got. */
export class CampaignTotalsDto {
  @ApiProperty({ description: 'Prospects enrolled in the campaign, whatever their state' }) enrolled: number;
  @ApiProperty({ description: 'Prospects sent at least one email' }) sent: number;
  @ApiProperty({ description: 'Prospects who opened at least one email' }) opened: number;
  @ApiProperty({ description: 'Prospects who clicked a link in at least one email' }) clicked: number;
  @ApiProperty({ description: 'Prospects who replied (a reply recorded, or the enrollment ended by one)' }) replied: number;
  @ApiProperty({ description: 'Prospects whose address came back as gone (a bounce saying so, or their enrollment ended for one)' })
  bounced: number;
  @ApiProperty({ description: 'Prospects who unsubscribed (link used, or enrollment stopped for it)' }) unsubscribed: number;
  @ApiProperty({ description: 'Prospects who complained about an email (a feedback report)' }) complained: number;
  @ApiProperty({ description: 'Emails sent over all steps: the sum of the steps\' `sent`' }) emailsSent: number;
  @ApiProperty({ type: OutcomeRatesDto, description: 'Each count / sent (prospects reached)' }) rates: OutcomeRatesDto;
}

export class CampaignStatsDto {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ type: CampaignTotalsDto }) totals: CampaignTotalsDto;
  @ApiProperty({ type: [StepStatsDto], description: 'Email steps in sequence order (wait steps send nothing)' })
  steps: StepStatsDto[];
}
