import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { SequenceControlRepository } from '@relance/db';
import {
  CampaignSignal, EnrollmentSignal, enrollmentWorkflowId, planChangedSignal, resumeSignal, stopSignal,
} from '@relance/temporal/contracts';

const PAGE = 200;
const CONCURRENCY = 20;

/**
 * The campaign statuses a control's signal follows from: anything else means the change did not
 * commit (or a later control replaced it). A resume also wakes a campaign still launching (a
 * mailbox enabled again).
 */
const COMMITTED_AS: Record<Exclude<CampaignSignal, 'plan_changed'>, readonly string[]> = {
  resume: ['active', 'launching'],
  stop: ['stopped'],
};
/** Enrollment statuses after which its workflow has nothing left to do. */
const ENDED = new Set(['stopped', 'replied', 'bounced', 'completed', 'failed']);

/**
 * Wakes a campaign's or one enrollment's workflows after a resume or a stop. Controls start
 * their workflow inside the transaction that changes the database, so signals are sent only
 * once that change has committed (the read below waits for its lock) and only when it did.
 */
@Injectable()
export class CampaignControl {
  constructor(
    @Inject(SequenceControlRepository) private readonly controls: SequenceControlRepository,
    @Inject(Client) private readonly temporal: Client,
  ) {}

  async signalPage(
    campaignId: string,
    signal: CampaignSignal,
    afterEnrollmentId: string | undefined,
    heartbeat: () => void,
  ): Promise<{ signalled: number; lastEnrollmentId?: string }> {
    if (!afterEnrollmentId && signal !== 'plan_changed') {
      const status = await this.controls.committedCampaignStatus(campaignId);
      if (status === null || !COMMITTED_AS[signal].includes(status)) return { signalled: 0 };
    }
    const { items: ids, nextCursor } = await this.controls.runningEnrollmentIds(campaignId, afterEnrollmentId ?? null, PAGE);
    let signalled = 0;
    for (let i = 0; i < ids.length; i += CONCURRENCY) {
      const results = await Promise.all(ids.slice(i, i + CONCURRENCY).map((id) => this.signal(id, signal)));
      signalled += results.filter(Boolean).length;
      heartbeat();
    }
    return { signalled, lastEnrollmentId: nextCursor ?? undefined };
  }

  /** One enrollment: resumed when it runs again, stopped (with the recorded reason) when it has ended. */
  async signalEnrollment(enrollmentId: string, signal: EnrollmentSignal): Promise<boolean> {
    const state = await this.controls.committedEnrollmentState(enrollmentId);
    if (!state) return false;
    if (signal === 'resume' && state.status !== 'active') return false;
    if (signal === 'stop' && !ENDED.has(state.status)) return false;
    return this.signal(enrollmentId, signal, state.stopReason ?? undefined);
  }

  private async signal(enrollmentId: string, signal: CampaignSignal, stopReason = 'campaign_stopped'): Promise<boolean> {
    const handle = this.temporal.workflow.getHandle(enrollmentWorkflowId(enrollmentId));
    try {
      if (signal === 'resume') await handle.signal(resumeSignal);
      else if (signal === 'plan_changed') await handle.signal(planChangedSignal);
      else await handle.signal(stopSignal, { reason: stopReason });
      return true;
    } catch (error) {
      // Its workflow already ended (or never started): nothing to wake.
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }
}
