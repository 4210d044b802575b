import type { EntityManager } from 'typeorm';
import type { EnrollmentStatus } from '../entities/enrollment.entity';

/** Statuses of an enrollment whose sequence may still send ('paused': held by the rep). */
export const RUNNING: readonly EnrollmentStatus[] = ['active', 'paused'];

export interface EnrollmentEnd {
  status: Extract<EnrollmentStatus, 'replied' | 'bounced' | 'stopped' | 'completed' | 'failed'>;
  /** Why, kept as its stop reason ('prospect_replied', 'hard_bounce', 'stopped_by_user'…); null: none to give. */
  reason: string | null;
  /**
   * The statuses it ends: the running ones unless said otherwise (a reply also ends a sequence
   * past its last step; the workflow's own finish, only an active one).
   */
  from?: readonly EnrollmentStatus[];
}

/**
 * Which enrollments: these ids, or those `where` selects (SQL on `e`, the enrollment, and `p`,
 * its prospect, with placeholders for `params`).
 */
export type EnrollmentSelection = { ids: readonly string[] } | { where: string; params: readonly unknown[] };

export interface EndedEnrollment {
  id: string;
  workflowId: string;
}

/**
 * The one way an enrollment ends, in the caller's transaction: those selected that are still in
 * one of the `from` statuses take the end's status and reason; the ones it ended are returned,
 * in id order (the workflows to tell). Several are locked first, in that order: every end takes
 * enrollments in id order, and before their prospects as the send claim does, so two
 * transactions wait for each other instead of deadlocking. An ended sequence waits for nothing
 * any more, and keeps the time it first ended (a reply after the last step ended it when that
 * step did).
 *
 * Its open task is cancelled in the same statement by a trigger on the enrollment's status
 * (trg_enrollments_cancel_tasks, migration 1764299000000-cancelled-tasks): see TaskRepository.
 */
export async function endEnrollments(
  manager: EntityManager,
  which: EnrollmentSelection,
  end: EnrollmentEnd,
): Promise<EndedEnrollment[]> {
  const from = end.from ?? RUNNING;
  // One row needs no order: the UPDATE alone locks it, and a single statement needs no transaction.
  const locked = 'ids' in which && which.ids.length <= 1
    ? which.ids.map((id) => ({ id }))
    : await lockInIdOrder(manager, which, from);
  if (locked.length === 0) return [];
  // TypeORM answers an UPDATE with [returned rows, row count].
  const [ended]: [{ id: string; workflow_id: string }[], number] = await manager.query(
    `UPDATE enrollments SET status = $2, stop_reason = $3, finished_at = COALESCE(finished_at, now()), updated_at = now(),
       waiting_reason = NULL, waiting_until = NULL
     WHERE id = ANY($1::uuid[]) AND status = ANY($4::text[])
     RETURNING id, workflow_id`,
    [locked.map((row) => row.id), end.status, end.reason, from],
  );
  const workflowIds = new Map(ended.map((row) => [row.id, row.workflow_id]));
  return locked.flatMap(({ id }) => {
    const workflowId = workflowIds.get(id);
    return workflowId === undefined ? [] : [{ id, workflowId }];
  });
}

async function lockInIdOrder(
  manager: EntityManager,
  which: EnrollmentSelection,
  from: readonly EnrollmentStatus[],
): Promise<{ id: string }[]> {
  const [where, params] = 'ids' in which ? [`e.id = ANY($1::uuid[])`, [which.ids]] : [which.where, which.params];
  return manager.query(
    `SELECT e.id FROM enrollments e JOIN prospects p ON p.id = e.prospect_id
     WHERE (${where}) AND e.status = ANY($${params.length + 1}::text[])
     ORDER BY e.id FOR UPDATE OF e`,
    [...params, from],
  );
}
