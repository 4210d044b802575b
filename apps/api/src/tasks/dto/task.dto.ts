import { ApiProperty } from '@nestjs/swagger';
import type { TaskStatus } from '@relance/db/entities/task.entity';
import type { TaskSummary } from '@relance/db/repositories/task.repository';

export const TASK_STATUSES = ['open', 'done', 'skipped', 'cancelled'] as const;

export class TaskProspectDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ type: String, nullable: true }) firstName: string | null;
  @ApiProperty({ type: String, nullable: true }) lastName: string | null;
  @ApiProperty({ type: String, nullable: true }) company: string | null;
}

export class TaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: TASK_STATUSES,
    description: 'The sequence waits while open; done and skipped both let it carry on; cancelled: the enrollment ended first',
  })
  status: TaskStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'unsubscribed',
    description: 'Why it was cancelled: the enrollment\'s stop reason (unsubscribed, replied, hard_bounce, stopped_by_user…)',
  })
  cancelReason: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) instructions: string | null;
  @ApiProperty({ type: TaskProspectDto }) prospect: TaskProspectDto;
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'uuid', description: 'The task step of the campaign' }) stepId: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was closed' })
  completedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;

  static from(task: TaskSummary): TaskDto {
    return {
      id: task.id,
      status: task.status,
      cancelReason: task.cancelReason,
      title: task.title,
      instructions: task.instructions,
      prospect: { ...task.prospect },
      campaignId: task.campaignId,
      enrollmentId: task.enrollmentId,
      stepId: task.stepId,
      dueAt: task.dueAt,
      completedAt: task.completedAt,
      createdAt: task.createdAt,
    };
  }
}

export class TaskListDto {
  @ApiProperty({ type: [TaskDto] }) data: TaskDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` to get the next page; null on the last page' })
  nextCursor: string | null;
}
