import { ApiProperty } from '@nestjs/swagger';

const rate = (what: string, example: number) =>
  ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1, example, description: `${what} / sent; null when sent is 0` });

export class OutcomeRatesDto {
  @rate('opened', 0.42) opened: number | null;
  @rate('clicked', 0.08) clicked: number | null;
  @rate('replied', 0.06) replied: number | null;
  @rate('bounced', 0.01) bounced: number | null;
  @rate('unsubscribed', 0.005) unsubscribed: number | null;
  @rate('complained', 0) complained: number | null;
}

/** Counts over emails: each sent message counts once, however many events it has. */
export class EmailCountsDto {
  @ApiProperty({ example: 200, description: "Emails with status 'sent' (an 'unknown' one may or may not have left: not counted)" })
  sent: number;
  @ApiProperty({ example: 84, description: 'Sent emails opened at least once (unique opens)' }) opened: number;
  @ApiProperty({ example: 16, description: 'Sent emails with at least one link clicked (unique clicks)' }) clicked: number;
  @ApiProperty({ example: 12, description: 'Sent emails answered by at least one reply (auto-replies excluded)' }) replied: number;
  @ApiProperty({ example: 2, description: 'Sent emails that bounced because the recipient is gone (a bounce blaming the sender, or only for now, does not count)' })
  bounced: number;
  @ApiProperty({ example: 1, description: "Sent emails whose unsubscribe link was used" }) unsubscribed: number;
  @ApiProperty({ example: 0, description: 'Sent emails whose recipient complained (an abuse or opt-out report through a feedback loop)' })
  complained: number;
  @ApiProperty({ type: OutcomeRatesDto, description: 'Each count / sent' }) rates: OutcomeRatesDto;
}

export class VariantStatsDto extends EmailCountsDto {
  @ApiProperty({ example: 'A', description: "The step's A/B variant; every step has the one variant 'A' for now" })
  variant: string;
}

export class StepStatsDto extends EmailCountsDto {
  @ApiProperty({ example: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8', format: 'uuid' }) stepId: string;
  @ApiProperty({ example: 0, description: 'Position of the email step in the sequence, from 0 (wait steps count)' }) position: number;
  @ApiProperty({ type: [VariantStatsDto], description: "The step's counts split by variant; they add up to the step's" })
  variants: VariantStatsDto[];
}

/** Counts over prospects: each enrollment counts once, however many emails it got. */
export class CampaignTotalsDto {
  @ApiProperty({ example: 250, description: 'Prospects enrolled in the campaign, whatever their state' }) enrolled: number;
  @ApiProperty({ example: 200, description: 'Prospects sent at least one email' }) sent: number;
  @ApiProperty({ example: 84, description: 'Prospects who opened at least one email' }) opened: number;
  @ApiProperty({ example: 16, description: 'Prospects who clicked a link in at least one email' }) clicked: number;
  @ApiProperty({ example: 12, description: 'Prospects who replied (a reply recorded, or the enrollment ended by one)' }) replied: number;
  @ApiProperty({ example: 2, description: 'Prospects whose address came back as gone (a bounce saying so, or their enrollment ended for one)' })
  bounced: number;
  @ApiProperty({ example: 1, description: 'Prospects who unsubscribed (link used, or enrollment stopped for it)' }) unsubscribed: number;
  @ApiProperty({ example: 0, description: 'Prospects who complained about an email (a feedback report)' }) complained: number;
  @ApiProperty({ example: 340, description: 'Emails sent over all steps: the sum of the steps\' `sent`' }) emailsSent: number;
  @ApiProperty({ type: OutcomeRatesDto, description: 'Each count / sent (prospects reached)' }) rates: OutcomeRatesDto;
}

export class CampaignStatsDto {
  @ApiProperty({ example: '6c1f0a9e-2b3d-4c5e-8f7a-9b0c1d2e3f4a', format: 'uuid' }) campaignId: string;
  @ApiProperty({ type: CampaignTotalsDto }) totals: CampaignTotalsDto;
  @ApiProperty({ type: [StepStatsDto], description: 'Email steps in sequence order (wait steps send nothing)' })
  steps: StepStatsDto[];
}
