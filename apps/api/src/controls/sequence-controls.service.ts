import { Inject, Injectable } from '@nestjs/common';
import { ControlAction, SequenceControlRepository } from '@relance/db/repositories/sequence-control.repository';
import { DomainError } from '@relance/errors';
import { WorkflowStarter } from '../workflows/workflow-starter.service';

/**
 * Pause, resume and stop. The state changes in the database (the send claim reads it, so
 * nothing leaves a paused or stopped sequence) in the same transaction that starts the control
 * workflow telling the running workflows: when Temporal cannot take it, nothing changes and the
 * request answers 503, to be retried. A pause needs no workflow: the next claim reads it.
 */
@Injectable()
export class SequenceControlsService {
  constructor(
    @Inject(SequenceControlRepository) private readonly controls: SequenceControlRepository,
    @Inject(WorkflowStarter) private readonly workflows: WorkflowStarter,
  ) {}

  async controlEnrollment(accountId: string, id: string, action: ControlAction): Promise<void> {
    const tell = action === 'pause' ? undefined : async () => void (await this.workflows.startEnrollmentControl(id, action));
    this.check(await this.controls.controlEnrollment(accountId, id, action, tell), 'enrollment', id, action);
  }

  async controlCampaign(accountId: string, id: string, action: ControlAction): Promise<void> {
    const tell = action === 'pause' ? undefined : async () => void (await this.workflows.startCampaignControl(id, action));
    this.check(await this.controls.controlCampaign(accountId, id, action, tell), 'campaign', id, action);
  }

  private check(outcome: Awaited<ReturnType<SequenceControlRepository['controlEnrollment']>>, what: string, id: string, action: ControlAction) {
    if (outcome === 'not_found') throw DomainError.notFound(what, id);
    const article = /^[aeiou]/.test(what) ? 'an' : 'a';
    if (outcome !== 'changed') throw new DomainError('conflict', `cannot ${action} ${article} ${what} that is ${outcome.refused}`);
  }
}
