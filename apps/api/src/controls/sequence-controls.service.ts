import { Inject, Injectable } from '@nestjs/common';
import { ControlAction, SequenceControlRepository } from '../../../../libs/db/repositories/sequence-control.repository';
import { DomainError } from '../../../../libs/errors';
import { enrollmentWorkflowId } from '../../../../libs/temporal/contracts';
import { EnrollmentSignals } from '../workflows/enrollment-signals.service';
import { WorkflowStarter } from '../workflows/workflow-starter.service';

/**
 * Pause, resume and stop. The state changes in the database first (the send claim reads it,
 * so nothing leaves a paused or stopped sequence); signals then wake the workflows.
 */
@Injectable()
export class SequenceControlsService {
  constructor(
    @Inject(SequenceControlRepository) private readonly controls: SequenceControlRepository,
    @Inject(EnrollmentSignals) private readonly signals: EnrollmentSignals,
    @Inject(WorkflowStarter) private readonly workflows: WorkflowStarter,
  ) {}

  async controlEnrollment(accountId: string, id: string, action: ControlAction): Promise<void> {
    const outcome = await this.controls.controlEnrollment(accountId, id, action);
    this.check(outcome, 'enrollment', id, action);
    if (action === 'resume') await this.signals.resume(enrollmentWorkflowId(id));
    if (action === 'stop') await this.signals.stop([enrollmentWorkflowId(id)], 'stopped_by_user');
  }

  async controlCampaign(accountId: string, id: string, action: ControlAction): Promise<void> {
    const outcome = await this.controls.controlCampaign(accountId, id, action);
    this.check(outcome, 'campaign', id, action);
    if (action !== 'pause') await this.workflows.startCampaignControl(id, action);
  }

  private check(outcome: Awaited<ReturnType<SequenceControlRepository['controlEnrollment']>>, what: string, id: string, action: ControlAction) {
    if (outcome === 'not_found') throw DomainError.notFound(what, id);
    const article = /^[aeiou]/.test(what) ? 'an' : 'a';
    if (outcome !== 'changed') throw new DomainError('conflict', `cannot ${action} ${article} ${what} that is ${outcome.refused}`);
  }
}
