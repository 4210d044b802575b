import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CampaignStatus } from '@relance/db/entities/campaign.entity';
import type { ConditionKind, Step, StepKind, StepTarget } from '@relance/db/entities/step.entity';
import type { CampaignWithMailboxes } from '@relance/db/repositories/campaign.repository';
import { SendingWindowDto } from './sending-window.dto';
import { CONDITION_KINDS, STEP_TYPES, WAIT_UNITS } from './step-input.dto';

export class StepDto {
  @ApiProperty({ example: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8', format: 'uuid' }) id: string;
  @ApiProperty({ example: 0, description: 'From 0, in run order' }) position: number;
  @ApiProperty({ enum: STEP_TYPES }) type: StepKind;
  @ApiPropertyOptional({ example: 'Quick question, {{ firstName | default: "there" }}', type: String, nullable: true }) subject?: string | null;
  @ApiPropertyOptional({ example: 'Hi {{ firstName }}, does {{ company }} still hire sales reps?' }) body?: string;
  @ApiPropertyOptional({ example: false }) newThread?: boolean;
  @ApiPropertyOptional({ example: 3 }) amount?: number;
  @ApiPropertyOptional({ enum: WAIT_UNITS }) unit?: string;
  @ApiPropertyOptional({ example: false }) sendingDaysOnly?: boolean;
  @ApiPropertyOptional({ example: [{ key: 'A', subject: 'Quick question', body: 'Hi {{ firstName }}…', weight: 1 }], type: 'array', items: { type: 'object' }, description: 'A/B variants: key, subject, body and weight of each' })
  variants?: { key: string; subject: string | null; body: string; weight: number }[];
  @ApiPropertyOptional({ enum: CONDITION_KINDS }) condition?: ConditionKind;
  @ApiPropertyOptional({ example: 0, description: 'Condition steps: position of the email step it looks back to' }) sinceStep?: number;
  @ApiPropertyOptional({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['next'] }] }) then?: StepTarget;
  @ApiPropertyOptional({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['next', 'end'] }] }) else?: StepTarget;
  @ApiPropertyOptional({ example: 'Call the prospect', description: 'Task steps' }) title?: string;
  @ApiPropertyOptional({ example: 'Ask who runs outbound at {{ company }}', type: String, nullable: true }) instructions?: string | null;

  static from(step: Step): StepDto {
    const base = { id: step.id, position: step.position, type: step.kind };
    if (step.kind === 'wait') {
      return { ...base, amount: step.waitAmount ?? 0, unit: step.waitUnit ?? 'days', sendingDaysOnly: step.sendingDaysOnly };
    }
    if (step.kind === 'condition') {
      return {
        ...base,
        condition: step.conditionKind ?? 'opened',
        sinceStep: step.conditionSincePosition ?? 0,
        then: step.conditionThen ?? 'next',
        else: step.conditionElse ?? 'next',
      };
    }
    if (step.kind === 'task') return { ...base, title: step.taskTitle ?? '', instructions: step.taskInstructions };
    return {
      ...base,
      subject: step.subject,
      body: step.body ?? '',
      newThread: step.newThread,
      ...(step.variants ? { variants: step.variants } : {}),
    };
  }
}

/** A first email, a wait and a follow-up, as a campaign answer shows them. */
const STEPS_EXAMPLE = [
  { id: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8', position: 0, type: 'email', subject: 'Quick question, {{ firstName | default: "there" }}', body: 'Hi {{ firstName }}, does {{ company }} still hire sales reps?', newThread: false },
  { id: '5f6a7b8c-9d0e-4f1a-b2c3-d4e5f6a7b8c9', position: 1, type: 'wait', amount: 3, unit: 'days', sendingDaysOnly: false },
  { id: '6a7b8c9d-0e1f-4a2b-83d4-e5f6a7b8c9d0', position: 2, type: 'email', subject: null, body: 'Following up on my last email.', newThread: false },
];

export class CampaignDto {
  @ApiProperty({ example: '6c1f0a9e-2b3d-4c5e-8f7a-9b0c1d2e3f4a', format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Q3 outreach' }) name: string;
  @ApiProperty({ enum: ['draft', 'launching', 'active', 'paused', 'stopped', 'completed'] }) status: CampaignStatus;
  @ApiProperty({ example: '8a6f4c2e-1b3d-4e5f-a7b9-c0d1e2f3a4b5', format: 'uuid', description: 'The first mailbox of the rotation' }) mailboxId: string;
  @ApiProperty({ example: ['8a6f4c2e-1b3d-4e5f-a7b9-c0d1e2f3a4b5'],
    type: [String],
    format: 'uuid',
    description: "Every mailbox the campaign rotates across: mailboxId first, then the others in id order",
  })
  mailboxIds: string[];
  @ApiProperty({ example: 'Europe/Paris' }) timeZone: string;
  @ApiPropertyOptional({ type: SendingWindowDto, nullable: true }) sendingWindow: SendingWindowDto | null;
  @ApiProperty({ example: true, description: 'Open pixel and tracked links in an HTML part' }) trackingEnabled: boolean;
  @ApiProperty({ example: 'track.acme.com', type: String, nullable: true, description: "null: the account's tracking domain, else the API public URL" })
  trackingDomain: string | null;
  @ApiProperty({ example: 0.08, description: 'Hard-bounce share that pauses the campaign' }) bounceRateLimit: number;
  @ApiProperty({ example: 50, description: 'Emails sent before the bounce rate is judged' }) bounceRateMinSends: number;
  @ApiProperty({ example: 0.003, description: 'Complaint share (feedback reports) that pauses the campaign' }) complaintRateLimit: number;
  @ApiProperty({ example: 50, description: 'Emails sent before the complaint rate is judged' }) complaintRateMinSends: number;
  @ApiProperty({ example: 'bounce rate 9% over 50 sends (limit 8%)', type: String, nullable: true, description: 'Why the campaign paused itself' }) pauseReason: string | null;
  @ApiProperty({ example: false, description: "A reply from anyone at a company ends their colleagues' sequences" }) stopOnCompanyReply: boolean;
  @ApiProperty({ example: '2026-12-01T09:00:00.000Z', type: String, format: 'date-time', nullable: true }) launchedAt: Date | null;
  @ApiProperty({ example: '2026-11-28T16:20:00.000Z', type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ example: '2026-12-01T09:00:00.000Z', type: String, format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ example: STEPS_EXAMPLE, type: [StepDto], description: 'On single-campaign responses' }) steps?: StepDto[];

  static from(campaign: CampaignWithMailboxes, steps?: Step[]): CampaignDto {
    return {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      mailboxId: campaign.mailboxId,
      mailboxIds: campaign.mailboxIds,
      timeZone: campaign.timeZone,
      sendingWindow: campaign.sendingWindow,
      bounceRateLimit: campaign.bounceRateLimit,
      bounceRateMinSends: campaign.bounceRateMinSends,
      complaintRateLimit: campaign.complaintRateLimit,
      complaintRateMinSends: campaign.complaintRateMinSends,
      pauseReason: campaign.pauseReason,
      stopOnCompanyReply: campaign.stopOnCompanyReply,
      trackingEnabled: campaign.trackingEnabled,
      trackingDomain: campaign.trackingDomain,
      launchedAt: campaign.launchedAt,
      createdAt: campaign.createdAt,
      updatedAt: campaign.updatedAt,
      ...(steps ? { steps: steps.map((step) => StepDto.from(step)) } : {}),
    };
  }
}

export class CampaignListDto {
  @ApiProperty({ type: [CampaignDto] }) data: CampaignDto[];
  @ApiProperty({ example: '6c1f0a9e-2b3d-4c5e-8f7a-9b0c1d2e3f4a', type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last one' })
  nextCursor: string | null;
}
