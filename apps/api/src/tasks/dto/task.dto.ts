import { ApiProperty } from '@nestjs/swagger';
import type { TaskStatus } from '@relance/db/entities/task.entity';
import type { TaskSummary } from '@relance/db/repositories/task.repository';

export const TASK_STATUSES = ['open', 'done', 'skipped', 'cancelled'] as const;

export class TaskProspectDto {
  @ApiProperty({ example: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f', format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ada@example.com' }) email: string;
  @ApiProperty({ example: 'Ada', type: String, nullable: true }) firstName: string | null;
  @ApiProperty({ example: 'Lovelace', type: String, nullable: true }) lastName: string | null;
  @ApiProperty({ example: 'Analytical Engines Ltd', type: String, nullable: true }) company: string | null;
}

export class TaskDto {
  @ApiProperty({ example: 'f0a1b2c3-d4e5-4f6a-9b8c-7d6e5f4a3b2c', format: 'uuid' }) id: string;
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
  @ApiProperty({ example: 'Call the prospect' }) title: string;
  @ApiProperty({ example: 'Ask who runs outbound at Analytical Engines', type: String, nullable: true }) instructions: string | null;
  @ApiProperty({ type: TaskProspectDto }) prospect: TaskProspectDto;
  @ApiProperty({ example: '6c1f0a9e-2b3d-4c5e-8f7a-9b0c1d2e3f4a', format: 'uuid' }) campaignId: string;
  @ApiProperty({ example: '2d9e7f3a-4b5c-4d6e-8f0a-1b2c3d4e5f6a', format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ example: '4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8', format: 'uuid', description: 'The task step of the campaign' }) stepId: string;
  @ApiProperty({ example: '2026-12-05T17:00:00.000Z', type: String, format: 'date-time', nullable: true }) dueAt: Date | null;
  @ApiProperty({ example: '2026-12-05T15:30:00.000Z', type: String, format: 'date-time', nullable: true, description: 'When it was closed' })
  completedAt: Date | null;
  @ApiProperty({ example: '2026-12-04T09:00:00.000Z', type: String, format: 'date-time' }) createdAt: Date;

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
  @ApiProperty({ example: 'f0a1b2c3-d4e5-4f6a-9b8c-7d6e5f4a3b2c', type: String, nullable: true, description: 'Pass as `after` to get the next page; null on the last page' })
  nextCursor: string | null;
}
