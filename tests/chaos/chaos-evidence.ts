import type { Client as PgClient } from 'pg';
import type { TemporalClientHandle } from '@relance/temporal';

export interface ChaosEnrollment {
  readonly id: string;
  readonly email: string;
  readonly status: string;
  readonly stopReason: string | null;
  readonly workflowId: string;
}

export interface ChaosMessageRow {
  readonly enrollmentId: string;
  readonly email: string;
  /** 1-based among the campaign's email steps. */
  readonly emailStep: number;
  readonly status: string;
  readonly error: string | null;
  readonly messageIdHeader: string;
}

/**
 * What the database and Temporal say about one campaign, read on the driver's own
 * connection (the one no disruption terminates).
 */
export class ChaosEvidence {
  constructor(
    private readonly db: PgClient,
    private readonly temporal: TemporalClientHandle,
    private readonly campaignId: string,
  ) {}

  /** Enrollments by status, e.g. { active: 3, completed: 27 }. */
  async enrollmentCounts(): Promise<Record<string, number>> {
    const { rows } = await this.db.query(
      'SELECT status, count(*)::int AS n FROM enrollments WHERE campaign_id = $1 GROUP BY status ORDER BY status',
      [this.campaignId],
    );
    return Object.fromEntries(rows.map((row: { status: string; n: number }) => [row.status, row.n]));
  }

  async enrollments(): Promise<ChaosEnrollment[]> {
    const { rows } = await this.db.query(
      `SELECT e.id, p.email, e.status, e.stop_reason, e.workflow_id
       FROM enrollments e JOIN prospects p ON p.id = e.prospect_id WHERE e.campaign_id = $1`,
      [this.campaignId],
    );
    return rows.map((r) => ({ id: r.id, email: r.email, status: r.status, stopReason: r.stop_reason, workflowId: r.workflow_id }));
  }

  /** The campaign's outbox, each row with the rank of its step among the email steps. */
  async messages(): Promise<ChaosMessageRow[]> {
    const { rows } = await this.db.query(
      `SELECT m.enrollment_id, p.email, m.status, m.error, m.message_id_header,
              (SELECT count(*)::int FROM steps s2
               WHERE s2.campaign_id = s.campaign_id AND s2.kind = 'email' AND s2.position <= s.position) AS email_step
       FROM messages m
       JOIN steps s ON s.id = m.step_id
       JOIN enrollments e ON e.id = m.enrollment_id
       JOIN prospects p ON p.id = e.prospect_id
       WHERE e.campaign_id = $1`,
      [this.campaignId],
    );
    return rows.map((r) => ({
      enrollmentId: r.enrollment_id,
      email: r.email,
      emailStep: r.email_step,
      status: r.status,
      error: r.error,
      messageIdHeader: r.message_id_header,
    }));
  }

  /**
   * Temporal's status of every enrollment workflow, by workflow id. A workflow may close a
   * moment after its enrollment row says finished: running ones are asked again, for a while.
   */
  async workflowStatuses(graceMs = 20_000): Promise<Map<string, string>> {
    const { rows } = await this.db.query('SELECT workflow_id FROM enrollments WHERE campaign_id = $1', [this.campaignId]);
    const ids: string[] = rows.map((row: { workflow_id: string }) => row.workflow_id);
    const statuses = new Map<string, string>();
    const deadline = Date.now() + graceMs;
    for (let i = 0; i < ids.length; ) {
      const slice = ids.slice(i, i + 16);
      const described = await Promise.all(slice.map((id) => this.statusOf(id)));
      if (described.includes('RUNNING') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      slice.forEach((id, j) => statuses.set(id, described[j]));
      i += slice.length;
    }
    return statuses;
  }

  /** What Temporal says a few unfinished enrollments are waiting for, for a failure message. */
  async stuckReport(limit = 5): Promise<string[]> {
    try {
      const { rows } = await this.db.query(
        `SELECT workflow_id FROM enrollments WHERE campaign_id = $1 AND status = 'active' LIMIT $2`,
        [this.campaignId, limit],
      );
      return await Promise.all(
        rows.map(async ({ workflow_id: id }: { workflow_id: string }) => {
          const description = await this.temporal.client.workflow.getHandle(id).describe();
          const pending = (description.raw.pendingActivities ?? []).map((activity) => {
            const startedAt = activity.lastStartedTime?.seconds;
            const started = startedAt ? `started ${new Date(Number(startedAt) * 1000).toISOString()}` : 'not started';
            const failure = activity.lastFailure?.message ? `, last failure: ${activity.lastFailure.message}` : '';
            return `${activity.activityType?.name} attempt ${activity.attempt} ${started}${failure}`;
          });
          return `${id} ${description.status.name}: ${pending.join('; ') || 'no pending activity'}`;
        }),
      );
    } catch (error) {
      return [`(cannot tell: ${(error as Error).message})`];
    }
  }

  private async statusOf(workflowId: string): Promise<string> {
    try {
      return (await this.temporal.client.workflow.getHandle(workflowId).describe()).status.name;
    } catch (error) {
      return `not found (${(error as Error).message})`;
    }
  }
}
