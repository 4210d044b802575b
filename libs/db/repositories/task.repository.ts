import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { TaskStatus } from '../entities/task.entity';
import { keysetPage, type Page } from './keyset-page';

/** Where a task step stands for one enrollment, as its workflow needs to know. */
export type TaskProgress =
  | { state: Exclude<TaskStatus, 'cancelled'>; taskId: string }
  /**
   * The enrollment no longer runs (e.g. enrollment_replied, enrollment_stopped; its task is then
   * cancelled) or its task is gone.
   */
  | { state: 'ended'; reason: string };

/** A task as the API lists it, with the prospect it is about. */
export interface TaskSummary {
  id: string;
  enrollmentId: string;
  campaignId: string;
  stepId: string;
  prospect: { id: string; email: string; firstName: string | null; lastName: string | null; company: string | null };
  title: string;
  instructions: string | null;
  status: TaskStatus;
  /** Why it was cancelled (e.g. unsubscribed, replied, stopped_by_user); null unless cancelled. */
  cancelReason: string | null;
  dueAt: Date | null;
  completedAt: Date | null;
  createdAt: Date;
}

export type TaskCompletion =
  | { kind: 'completed'; task: TaskSummary }
  | { kind: 'not_found' }
  /** Already closed (done, skipped, or cancelled when its enrollment ended): as it stands. */
  | { kind: 'refused'; task: TaskSummary };

const SUMMARY = `
  SELECT t.id, t.enrollment_id, e.campaign_id, t.step_id, t.title, t.instructions, t.status, t.cancel_reason,
         t.due_at, t.completed_at, t.created_at, p.id AS prospect_id, p.email, p.first_name, p.last_name, p.company
  FROM tasks t JOIN enrollments e ON e.id = t.enrollment_id JOIN prospects p ON p.id = e.prospect_id`;

/**
 * Manual tasks of task steps: created by the enrollment workflow, listed and closed by the rep.
 * No method here cancels one: when its enrollment ends (endEnrollments, whatever the reason),
 * the trigger trg_enrollments_cancel_tasks on the enrollment's status cancels its open task in
 * the same statement, with the stop reason as `cancel_reason` (migration 1764299000000-cancelled-tasks).
 */
@Injectable()
export class TaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates the enrollment's task for this step unless it exists (one per enrollment and step),
   * while the enrollment runs or is paused (a paused sequence sends nothing, but the rep may act);
   * then reports where it stands. Null when `stepId` is not a task step of the enrollment's campaign.
   * The enrollment row is share-locked while the task is inserted, so an end committed meanwhile
   * either prevents the insert or, waiting for it, cancels the new task.
   */
  async open(enrollmentId: string, stepId: string): Promise<TaskProgress | null> {
    await this.dataSource.query(
      `INSERT INTO tasks (account_id, enrollment_id, step_id, title, instructions)
       SELECT e.account_id, e.id, s.id, s.task_title, s.task_instructions
       FROM enrollments e JOIN steps s ON s.id = $2 AND s.campaign_id = e.campaign_id AND s.kind = 'task'
       WHERE e.id = $1 AND e.status IN ('active', 'paused')
       FOR SHARE OF e
       ON CONFLICT (enrollment_id, step_id) DO NOTHING`,
      [enrollmentId, stepId],
    );
    const progress = await this.check(enrollmentId, stepId);
    if (progress.state !== 'ended') return progress;
    const [row] = await this.dataSource.query(
      `SELECT e.status, s.id AS step_id FROM enrollments e
       LEFT JOIN steps s ON s.id = $2 AND s.campaign_id = e.campaign_id AND s.kind = 'task'
       WHERE e.id = $1`,
      [enrollmentId, stepId],
    );
    if (!row) return { state: 'ended', reason: 'enrollment_deleted' };
    if (!row.step_id) return null;
    return { state: 'ended', reason: `enrollment_${row.status}` };
  }

  /** Where the enrollment's task for this step stands; 'ended' when there is none (any more) or it was cancelled. */
  async check(enrollmentId: string, stepId: string): Promise<TaskProgress> {
    const [row] = await this.dataSource.query(
      `SELECT t.id, t.status, e.status AS enrollment_status FROM tasks t JOIN enrollments e ON e.id = t.enrollment_id
       WHERE t.enrollment_id = $1 AND t.step_id = $2`,
      [enrollmentId, stepId],
    );
    if (!row) return { state: 'ended', reason: 'task_missing' };
    if (row.status === 'cancelled') return { state: 'ended', reason: `enrollment_${row.enrollment_status}` };
    return { state: row.status, taskId: row.id };
  }

  async findSummary(accountId: string, id: string): Promise<TaskSummary | null> {
    const [row] = await this.dataSource.query(`${SUMMARY} WHERE t.account_id = $1 AND t.id = $2`, [accountId, id]);
    return row ? toSummary(row) : null;
  }

  /**
   * The account's tasks, oldest first, `limit` at a time after the task `afterId`
   * (index ix_tasks_account_status_created). Null when `afterId` is not a task of the account.
   */
  listPage(accountId: string, options: { status?: TaskStatus; limit: number; afterId?: string }): Promise<Page<TaskSummary> | null> {
    return keysetPage(this.dataSource, {
      rows: `${SUMMARY} WHERE t.account_id = $1`,
      params: [accountId],
      filter: options.status ? { sql: `status = $2`, params: [options.status] } : undefined,
      key: ['created_at', 'id'],
      map: toSummary,
    }, { limit: options.limit, after: options.afterId });
  }

  /** Closes an open task of the account as done or skipped; a closed one (also a cancelled one) stays as it is. */
  async complete(accountId: string, id: string, outcome: 'done' | 'skipped'): Promise<TaskCompletion> {
    const [, changed] = await this.dataSource.query(
      `UPDATE tasks SET status = $3, completed_at = now() WHERE account_id = $1 AND id = $2 AND status = 'open'`,
      [accountId, id, outcome],
    );
    const task = await this.findSummary(accountId, id);
    if (!task) return { kind: 'not_found' };
    return changed === 1 ? { kind: 'completed', task } : { kind: 'refused', task };
  }
}

function toSummary(r: Record<string, any>): TaskSummary {
  return {
    id: r.id,
    enrollmentId: r.enrollment_id,
    campaignId: r.campaign_id,
    stepId: r.step_id,
    prospect: { id: r.prospect_id, email: r.email, firstName: r.first_name, lastName: r.last_name, company: r.company },
    title: r.title,
    instructions: r.instructions,
    status: r.status,
    cancelReason: r.cancel_reason,
    dueAt: r.due_at,
    completedAt: r.completed_at,
    createdAt: r.created_at,
  };
}
