import type { CampaignStatus } from '../entities/campaign.entity';
import type { EnrollmentStatus, EnrollmentWaitReason } from '../entities/enrollment.entity';

export interface EnrollmentSummary {
  id: string;
  prospectId: string;
  status: EnrollmentStatus;
  currentStep: number;
  stepsSent: number;
  stopReason: string | null;
  workflowId: string;
  createdAt: Date;
  finishedAt: Date | null;
  pausedUntil: Date | null;
  /** Why its step waits and until when, as last written (see Enrollment.waitingReason). */
  waitingReason: EnrollmentWaitReason | null;
  waitingUntil: Date | null;
  /** A paused campaign holds every one of its running enrollments. */
  campaignStatus: CampaignStatus;
}

/** Enrollments as the API shows them, with the number of emails sent: add a WHERE on `e` (enrollments). */
export const ENROLLMENT_SUMMARY = `
  SELECT e.id, e.prospect_id, e.status, e.current_step, e.stop_reason, e.workflow_id, e.created_at,
         e.finished_at, e.paused_until, e.waiting_reason, e.waiting_until, c.status AS campaign_status,
         (SELECT count(*)::int FROM messages m WHERE m.enrollment_id = e.id AND m.status = 'sent') AS steps_sent
  FROM enrollments e JOIN campaigns c ON c.id = e.campaign_id`;

export function toEnrollmentSummary(r: Record<string, any>): EnrollmentSummary {
  return {
    id: r.id,
    prospectId: r.prospect_id,
    status: r.status,
    currentStep: r.current_step,
    stepsSent: r.steps_sent,
    stopReason: r.stop_reason,
    workflowId: r.workflow_id,
    createdAt: r.created_at,
    finishedAt: r.finished_at,
    pausedUntil: r.paused_until,
    waitingReason: r.waiting_reason,
    waitingUntil: r.waiting_until,
    campaignStatus: r.campaign_status,
  };
}
