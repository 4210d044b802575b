import { Inject, Injectable } from '@nestjs/common';
import type { Step } from '@relance/db/entities/step.entity';
import { CampaignRepository, CampaignWithSteps, NewStep } from '@relance/db/repositories/campaign.repository';
import { DomainError } from '@relance/errors';
import { WorkflowStarter } from '../workflows/workflow-starter.service';
import { toNewStep } from './campaigns.service';
import type { AnyStepInput } from './dto/step-input.dto';
import { sequenceProblems } from './sequence-rules';

/**
 * Editing a campaign's sequence changes only what no prospect has reached yet: the steps up
 * to the furthest one reached are history and must come back unchanged; the rest are replaced,
 * and running enrollments read their plan again before their next step.
 */
@Injectable()
export class CampaignEditsService {
  constructor(
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(WorkflowStarter) private readonly workflows: WorkflowStarter,
  ) {}

  async replaceSteps(accountId: string, id: string, input: AnyStepInput[]): Promise<CampaignWithSteps> {
    const campaign = await this.campaigns.findForAccountWithSteps(accountId, id);
    if (!campaign) throw DomainError.notFound('campaign', id);
    if (campaign.status === 'stopped' || campaign.status === 'completed') {
      throw new DomainError('conflict', `a ${campaign.status} campaign cannot be edited`);
    }
    const problems = sequenceProblems(input, {
      hasSendingWindow: Boolean(campaign.sendingWindow),
      trackingEnabled: campaign.trackingEnabled,
    });
    if (problems.length > 0) throw DomainError.validation(problems);

    const steps = input.map(toNewStep);
    const lockedThrough = await this.campaigns.lastReachedPosition(id);
    if (steps.length <= lockedThrough) {
      throw new DomainError('conflict', `steps 0 to ${lockedThrough} have already run for some prospects: keep them`, { field: 'steps' });
    }
    for (let position = 0; position <= lockedThrough; position++) {
      if (fingerprint(steps[position]) !== fingerprint(campaign.steps[position])) {
        throw new DomainError(
          'conflict',
          `steps.${position} has already run for some prospects and cannot change; only later steps can`,
          { field: `steps.${position}` },
        );
      }
    }
    await this.campaigns.replaceStepsAfter(id, lockedThrough, steps.slice(lockedThrough + 1));
    if (campaign.status !== 'draft') await this.workflows.startCampaignControl(id, 'plan_changed');
    return (await this.campaigns.findForAccountWithSteps(accountId, id))!;
  }
}

/** What a step does, as comparable text: the same for an unchanged step, read or written. */
function fingerprint(step: NewStep | Step | undefined): string {
  if (!step) return '';
  return JSON.stringify([
    step.kind, step.subject ?? null, step.body ?? null, step.newThread ?? false, step.waitAmount ?? null,
    step.waitUnit ?? null, step.sendingDaysOnly ?? false,
    // Field by field: jsonb gives the stored variants' keys back in its own order.
    step.variants?.map((v) => [v.key, v.subject ?? null, v.body, v.weight]) ?? null, step.conditionKind ?? null,
    step.conditionSincePosition ?? null, step.conditionThen ?? null, step.conditionElse ?? null, step.taskTitle ?? null,
    step.taskInstructions ?? null,
  ]);
}
