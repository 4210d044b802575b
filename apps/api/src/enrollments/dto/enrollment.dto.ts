import { ApiProperty } from '@nestjs/swagger';
import type { EnrollmentStatus, EnrollmentWaitReason } from '@relance/db/entities/enrollment.entity';
import type { EnrollmentSummary } from '@relance/db/repositories/enrollment.repository';
import { enrollmentState, type PauseReason } from '../enrollment-state';

const WAIT_REASONS: EnrollmentWaitReason[] = [
  'sending_window', 'mailbox_window', 'daily_limit', 'spacing', 'out_of_office', 'pending_resend', 'wait_step', 'task',
  'paused_by_user', 'campaign_paused', 'mailbox_disabled', 'billing_lapsed', 'monthly_email_cap',
];
const PAUSE_REASONS: PauseReason[] = ['paused_by_user', 'campaign_paused', 'mailbox_disabled', 'out_of_office', 'billing_lapsed'];

export class EnrollmentWaitDto {
  @ApiProperty({
    enum: WAIT_REASONS,
    description:
      "sending_window / mailbox_window: outside the campaign's (in the prospect's zone) or the mailbox's window; " +
      'daily_limit: the mailbox sent its daily limit; spacing: its turn in the mailbox\'s line; out_of_office: the ' +
      "prospect's auto-reply gave a return date; pending_resend: an earlier email that soft-bounced goes again first; " +
      'wait_step: a wait step; task: a task for the rep; paused_by_user, campaign_paused, mailbox_disabled: a pause; ' +
      'billing_lapsed: the subscription is unpaid past its grace period (sending resumes once paid); ' +
      "monthly_email_cap: the plan's emails for this month (UTC) are used up (until: when it looks again)",
  })
  reason: EnrollmentWaitReason;
  @ApiProperty({ example: '2026-12-09T08:00:00.000Z', type: String, format: 'date-time', nullable: true, description: 'null: until something happens (a resume, the task done)' })
  until: Date | null;
}

export class EnrollmentDto {
  @ApiProperty({ example: '2d9e7f3a-4b5c-4d6e-8f0a-1b2c3d4e5f6a', format: 'uuid' }) id: string;
  @ApiProperty({ example: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f', format: 'uuid' }) prospectId: string;
  @ApiProperty({
    enum: ['active', 'paused', 'replied', 'bounced', 'completed', 'stopped', 'failed'],
    description: "paused: by the rep, its campaign, its mailbox, or until the prospect is back (see pauseReason)",
  })
  status: EnrollmentStatus;
  @ApiProperty({ enum: PAUSE_REASONS, nullable: true, description: 'Why it is paused; null unless it is' })
  pauseReason: PauseReason | null;
  @ApiProperty({ example: 1,
    description: 'Position (from 0) of the step being run or waited on; once the sequence has ended, of the last step it reached',
  })
  currentStep: number;
  @ApiProperty({ example: 1, description: 'Emails sent so far' }) stepsSent: number;
  @ApiProperty({ example: 'replied', type: String, nullable: true }) stopReason: string | null;
  @ApiProperty({ example: 'enrollment:0f6e...' }) workflowId: string;
  @ApiProperty({ example: '2026-12-01T09:00:05.000Z', type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ example: '2026-12-04T15:12:00.000Z', type: String, format: 'date-time', nullable: true }) finishedAt: Date | null;
  @ApiProperty({ example: '2026-12-15T00:00:00.000Z',
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The prospect answered with an out-of-office reply: no email before this time (their return)',
  })
  pausedUntil: Date | null;
  @ApiProperty({ type: EnrollmentWaitDto, nullable: true, description: 'Why its current step waits, and until when; null when it does not' })
  waiting: EnrollmentWaitDto | null;

  static from(summary: EnrollmentSummary, now = new Date()): EnrollmentDto {
    const state = enrollmentState(summary, now);
    return {
      id: summary.id,
      prospectId: summary.prospectId,
      status: state.status,
      pauseReason: state.pauseReason,
      currentStep: summary.currentStep,
      stepsSent: summary.stepsSent,
      stopReason: summary.stopReason,
      workflowId: summary.workflowId,
      createdAt: summary.createdAt,
      finishedAt: summary.finishedAt,
      pausedUntil: summary.pausedUntil,
      waiting: state.waiting,
    };
  }
}

export class EnrollmentListDto {
  @ApiProperty({ type: [EnrollmentDto] }) data: EnrollmentDto[];

  @ApiProperty({ example: '2d9e7f3a-4b5c-4d6e-8f0a-1b2c3d4e5f6a',
    type: String,
    nullable: true,
    description: 'Pass as `after` to get the next page; null on the last page',
  })
  nextCursor: string | null;
}
