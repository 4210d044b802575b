import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { APP_LOGGER } from '@relance/observability';
import { SystemMailer } from '@relance/privacy/requests/system-mailer';
import { NoticeSubscriptionRepository } from './notice-subscription.repository';
import { subprocessorNotice } from './notice-mail';
import { SubprocessorRepository } from './subprocessor.repository';

export interface NoticeRun {
  /** Mailed by this attempt. */
  sent: number;
  failed: number;
  /** Mailed about this change by every attempt so far. */
  total: number;
}

/**
 * Mails one registry change to every subscribed owner, through Relance's own mailbox (the system
 * mailer: the outbound path of every other notice Relance writes). Each send is recorded as it
 * succeeds: a retry mails only those not reached yet. A crash between the server's acceptance
 * and the record could mail one owner twice; for a legal notice a second copy beats none.
 */
@Injectable()
export class SubprocessorNotices {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SubprocessorRepository) private readonly registry: SubprocessorRepository,
    @Inject(NoticeSubscriptionRepository) private readonly subscriptions: NoticeSubscriptionRepository,
    @Inject(SystemMailer) private readonly mailer: SystemMailer,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Throws when the change is not there (its transaction may not have committed yet: the start
   * of the workflow is part of it) or when a send failed, so Temporal tries again later.
   */
  async send(changeId: string): Promise<NoticeRun> {
    const change = await this.registry.findChange(changeId);
    if (!change) throw new Error(`subprocessor change ${changeId} not found (not committed yet?)`);
    const entry = await this.registry.find(change.subprocessorId);
    if (!entry) throw new Error(`subprocessor ${change.subprocessorId} of change ${changeId} not found`);
    const content = {
      changeId, kind: change.kind, entry, changes: change.changes, effectiveAt: change.effectiveAt,
      replyTo: this.config.systemMail.from, listUrl: `${this.config.api.publicUrl}/subprocessors`,
    };
    const run: NoticeRun = { sent: 0, failed: 0, total: 0 };
    let firstError: string | null = null;
    for (const recipient of await this.subscriptions.pendingRecipients(changeId)) {
      try {
        await this.mailer.send(subprocessorNotice(recipient.email, content));
      } catch (error) {
        run.failed += 1;
        firstError ??= (error as Error).message;
        continue;
      }
      await this.subscriptions.recordSent(changeId, recipient.userId);
      run.sent += 1;
    }
    run.total = (await this.registry.findChange(changeId))?.noticesSent ?? run.sent;
    this.logger.info({ changeId, ...run }, 'subprocessor change notices mailed');
    if (firstError) throw new Error(`${run.failed} subprocessor notice(s) of change ${changeId} not sent: ${firstError}`);
    return run;
  }
}
