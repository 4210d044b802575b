import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CampaignStatus } from '@relance/db/entities/campaign.entity';
import type { ConditionKind, Step, StepKind, StepTarget } from '@relance/db/entities/step.entity';
import type { CampaignWithMailboxes } from '@relance/db/repositories/campaign.repository';
import { SendingWindowDto } from './sending-window.dto';
import { CONDITION_KINDS, STEP_TYPES, WAIT_UNITS } from './step-input.dto';

export class StepDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'From 0, in run order' }) position: number;
  @ApiProperty({ enum: STEP_TYPES }) type: StepKind;
  @ApiPropertyOptional({ type: String, nullable: true }) subject?: string | null;
  @ApiPropertyOptional() body?: string;
  @ApiPropertyOptional() newThread?: boolean;
  @ApiPropertyOptional() amount?: number;
  @ApiPropertyOptional({ enum: WAIT_UNITS }) unit?: string;
  @ApiPropertyOptional() sendingDaysOnly?: boolean;
  @ApiPropertyOptional({ description: 'A/B variants: key, subject, body and weight of each' })
  variants?: { key: string; subject: string | null; body: string; weight: number }[];
  @ApiPropertyOptional({ enum: CONDITION_KINDS }) condition?: ConditionKind;
  @ApiPropertyOptional({ description: 'Condition steps: position of the email step it looks back to' }) sinceStep?: number;
  @ApiPropertyOptional({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['next'] }] }) then?: StepTarget;
  @ApiPropertyOptional({ oneOf: [{ type: 'integer' }, { type: 'string', enum: ['next', 'end'] }] }) else?: StepTarget;
  @ApiPropertyOptional({ description: 'Task steps' }) title?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) instructions?: string | null;

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

export class CampaignDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['draft', 'launching', 'active', 'paused', 'stopped', 'completed'] }) status: CampaignStatus;
  @ApiProperty({ format: 'uuid', description: 'The first mailbox of the rotation' }) mailboxId: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: "Every mailbox the campaign rotates across: mailboxId first, then the others in id order",
  })
  mailboxIds: string[];
  @ApiProperty({ example: 'Europe/Paris' }) timeZone: string;
  @ApiPropertyOptional({ type: SendingWindowDto, nullable: true }) sendingWindow: SendingWindowDto | null;
  @ApiProperty({ description: 'Open pixel and tracked links in an HTML part' }) trackingEnabled: boolean;
  @ApiProperty({ type: String, nullable: true, description: "null: the account's tracking domain, else the API public URL" })
  trackingDomain: string | null;
  @ApiProperty({ description: 'Hard-bounce share that pauses the campaign' }) bounceRateLimit: number;
  @ApiProperty({ description: 'Emails sent before the bounce rate is judged' }) bounceRateMinSends: number;
  @ApiProperty({ description: 'Complaint share (feedback reports) that pauses the campaign' }) complaintRateLimit: number;
  @ApiProperty({ description: 'Emails sent before the complaint rate is judged' }) complaintRateMinSends: number;
  @ApiProperty({ type: String, nullable: true, description: 'Why the campaign paused itself' }) pauseReason: string | null;
  @ApiProperty({ description: "A reply from anyone at a company ends their colleagues' sequences" }) stopOnCompanyReply: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) launchedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
  @ApiPropertyOptional({ type: [StepDto], description: 'On single-campaign responses' }) steps?: StepDto[];

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
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last one' })
  nextCursor: string | null;
}
