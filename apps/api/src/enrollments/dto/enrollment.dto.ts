import { ApiProperty } from '@nestjs/swagger';
import type { EnrollmentStatus } from '../../../../../libs/db/entities/enrollment.entity';
import type { EnrollmentSummary } from '../../../../../libs/db/repositories/enrollment.repository';

export class EnrollmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) prospectId: string;
  @ApiProperty({ enum: ['active', 'paused', 'replied', 'bounced', 'completed', 'stopped', 'failed'] }) status: EnrollmentStatus;
  @ApiProperty({ description: 'Position of the step being run or waited on; the step count once done' })
  currentStep: number;
  @ApiProperty({ description: 'Emails sent so far' }) stepsSent: number;
  @ApiProperty({ type: String, nullable: true }) stopReason: string | null;
  @ApiProperty({ example: 'enrollment:0f6e...' }) workflowId: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: Date | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The prospect answered with an out-of-office reply: no email before this time (their return)',
  })
  pausedUntil: Date | null;

  static from(summary: EnrollmentSummary): EnrollmentDto {
    return {
      id: summary.id,
      prospectId: summary.prospectId,
      status: summary.status,
      currentStep: summary.currentStep,
      stepsSent: summary.stepsSent,
      stopReason: summary.stopReason,
      workflowId: summary.workflowId,
      createdAt: summary.createdAt,
      finishedAt: summary.finishedAt,
      pausedUntil: summary.pausedUntil,
    };
  }
}

export class EnrollmentListDto {
  @ApiProperty({ type: [EnrollmentDto] }) data: EnrollmentDto[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `after` to get the next page; null on the last page',
  })
  nextCursor: string | null;
}
