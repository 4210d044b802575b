import { Inject, Injectable } from '@nestjs/common';
import type { TaskStatus } from '@relance/db/entities/task.entity';
import { TaskRepository, TaskSummary } from '@relance/db/repositories/task.repository';
import { DomainError } from '@relance/errors';
import { enrollmentWorkflowId } from '@relance/temporal/contracts';
import { invalidCursor } from '../common/pagination';
import { EnrollmentSignals } from '../workflows/enrollment-signals.service';
import { cancelReasonInWords } from './cancel-reasons';
import { DEFAULT_TASK_PAGE } from './dto/list-tasks.query';

/**
 * The rep's manual tasks. Closing one changes its row first (the workflow re-reads it, so the
 * row decides), then signals the enrollment so its sequence carries on now.
 */
@Injectable()
export class TasksService {
  constructor(
    @Inject(TaskRepository) private readonly tasks: TaskRepository,
    @Inject(EnrollmentSignals) private readonly signals: EnrollmentSignals,
  ) {}

  async list(
    accountId: string,
    query: { status?: TaskStatus; limit?: number; after?: string },
  ): Promise<{ items: TaskSummary[]; nextCursor: string | null }> {
    const page = await this.tasks.listPage(accountId, {
      status: query.status,
      limit: query.limit ?? DEFAULT_TASK_PAGE,
      afterId: query.after,
    });
    if (!page) throw invalidCursor('a task of this account');
    return page;
  }

  async complete(accountId: string, id: string, outcome: 'done' | 'skipped'): Promise<TaskSummary> {
    const completion = await this.tasks.complete(accountId, id, outcome);
    if (completion.kind === 'not_found') throw DomainError.notFound('task', id);
    if (completion.kind === 'refused') throw new DomainError('conflict', refusal(completion.task));
    await this.signals.taskCompleted(enrollmentWorkflowId(completion.task.enrollmentId), { taskId: id, outcome });
    return completion.task;
  }
}

function refusal(task: TaskSummary): string {
  if (task.status === 'cancelled') return `task ${task.id} was cancelled: ${cancelReasonInWords(task.cancelReason)}`;
  return `task ${task.id} is already ${task.status}`;
}
