import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { SequenceControlRepository } from '../db';
import { CampaignSignal, enrollmentWorkflowId, planChangedSignal, resumeSignal, stopSignal } from '../temporal/contracts';

const PAGE = 200;
const CONCURRENCY = 20;

/** Wakes a campaign's running enrollment workflows after a resume or a stop. */
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
    const ids = await this.controls.runningEnrollmentIds(campaignId, afterEnrollmentId ?? null, PAGE);
    let signalled = 0;
    for (let i = 0; i < ids.length; i += CONCURRENCY) {
      const results = await Promise.all(ids.slice(i, i + CONCURRENCY).map((id) => this.signal(id, signal)));
      signalled += results.filter(Boolean).length;
      heartbeat();
    }
    return { signalled, lastEnrollmentId: ids.length === PAGE ? ids[ids.length - 1] : undefined };
  }

  private async signal(enrollmentId: string, signal: CampaignSignal): Promise<boolean> {
    const handle = this.temporal.workflow.getHandle(enrollmentWorkflowId(enrollmentId));
    try {
      if (signal === 'resume') await handle.signal(resumeSignal);
      else if (signal === 'plan_changed') await handle.signal(planChangedSignal);
      else await handle.signal(stopSignal, { reason: 'campaign_stopped' });
      return true;
    } catch (error) {
      // Its workflow already ended (or never started): nothing to wake.
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }
}
