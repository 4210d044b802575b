import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config';
import { EnrollmentRepository, SequenceControlRepository } from '../db';
import { createLogger } from '../observability';

/**
 * After hard bounces, pauses the campaigns whose bounce rate passed their limit: a sender
 * keeps its reputation by stopping early, and the campaign says why it stopped.
 */
@Injectable()
export class BounceGuard {
  private readonly logger;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EnrollmentRepository) private readonly enrollments: EnrollmentRepository,
    @Inject(SequenceControlRepository) private readonly controls: SequenceControlRepository,
  ) {
    this.logger = createLogger({ level: config.logLevel, service: 'bounce-guard' });
  }

  async afterHardBounces(enrollmentIds: readonly string[]): Promise<void> {
    const campaignIds = new Set<string>();
    for (const id of enrollmentIds) {
      const enrollment = await this.enrollments.findById(id);
      if (enrollment) campaignIds.add(enrollment.campaignId);
    }
    for (const campaignId of campaignIds) {
      const reason = await this.controls.pauseIfBouncing(campaignId);
      if (reason) this.logger.warn({ campaignId, reason }, 'campaign paused itself');
    }
  }
}
