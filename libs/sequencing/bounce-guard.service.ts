import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { EnrollmentRepository, SequenceControlRepository } from '@relance/db';
import { APP_LOGGER, createLogger, type Logger } from '@relance/observability';

/**
 * After bounces saying the recipient is gone, pauses the campaigns whose bounce rate passed
 * their limit; after a complaint, the campaign whose complaint rate passed its own: a sender
 * keeps its reputation by stopping early, and the campaign says why it stopped. Says so too when
 * a mailbox paused itself (the repository decided it, in the bounce's transaction).
 */
@Injectable()
export class BounceGuard {
  private readonly logger: Logger;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(EnrollmentRepository) private readonly enrollments: EnrollmentRepository,
    @Inject(SequenceControlRepository) private readonly controls: SequenceControlRepository,
    @Optional() @Inject(APP_LOGGER) logger?: Logger,
  ) {
    // The process's logger where there is one (worker, API); a service built by hand logs on its own.
    this.logger = logger?.child({ component: 'bounce-guard' }) ?? createLogger({ level: config.logLevel, service: 'bounce-guard' });
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

  /** A recipient of enrollment `enrollmentId` complained: its campaign pauses when complaints passed its limit. */
  async afterComplaint(enrollmentId: string): Promise<void> {
    const enrollment = await this.enrollments.findById(enrollmentId);
    if (!enrollment) return;
    const reason = await this.controls.pauseIfComplaining(enrollment.campaignId);
    if (reason) this.logger.warn({ campaignId: enrollment.campaignId, reason }, 'campaign paused itself');
  }

  mailboxPaused(mailboxId: string, reason: string): void {
    this.logger.warn({ mailboxId, reason }, 'mailbox paused itself');
  }
}
