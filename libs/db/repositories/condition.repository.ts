import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ConditionKind } from '../entities/step.entity';

/** A condition step of an enrollment's campaign and what it is decided on. */
export interface ConditionInput {
  kind: ConditionKind;
  /** The condition step's own position. */
  position: number;
  opened: boolean;
  clicked: boolean;
  replied: boolean;
}

/**
 * Reads what a condition step is decided on, for one enrollment. "Since" is the moment the outbox
 * row of the `sinceStep` email was claimed: opens and clicks count on any message of the
 * enrollment claimed at or after it (indexes uq_messages_enrollment_step,
 * ix_tracking_events_message_kind), replies are those recorded after it
 * (ix_inbound_messages_enrollment). When that email was never sent to this prospect (a branch
 * skipped it), nothing happened since: all false.
 */
@Injectable()
export class ConditionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when `stepId` is not a condition step of the enrollment's campaign (or the enrollment is gone). */
  async load(enrollmentId: string, stepId: string): Promise<ConditionInput | null> {
    const [row] = await this.dataSource.query(
      `WITH cond AS (
         SELECT e.id AS enrollment_id, c.condition_kind AS kind, c.position,
                (SELECT m.claimed_at FROM messages m JOIN steps s ON s.id = m.step_id
                 WHERE m.enrollment_id = e.id AND s.campaign_id = e.campaign_id
                   AND s.position = c.condition_since_position AND m.status IN ('sent', 'unknown')) AS since
         FROM enrollments e JOIN steps c ON c.id = $2 AND c.campaign_id = e.campaign_id AND c.kind = 'condition'
         WHERE e.id = $1)
       SELECT kind, position,
              EXISTS (SELECT 1 FROM messages m JOIN tracking_events t ON t.message_id = m.id AND t.kind = 'open'
                      WHERE m.enrollment_id = cond.enrollment_id AND m.claimed_at >= cond.since) AS opened,
              EXISTS (SELECT 1 FROM messages m JOIN tracking_events t ON t.message_id = m.id AND t.kind = 'click'
                      WHERE m.enrollment_id = cond.enrollment_id AND m.claimed_at >= cond.since) AS clicked,
              EXISTS (SELECT 1 FROM inbound_messages i
                      WHERE i.enrollment_id = cond.enrollment_id AND i.kind = 'reply' AND i.created_at >= cond.since) AS replied
       FROM cond`,
      [enrollmentId, stepId],
    );
    if (!row) return null;
    return { kind: row.kind, position: row.position, opened: row.opened, clicked: row.clicked, replied: row.replied };
  }
}
