import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { PaceState } from '@relance/scheduling';
import type { EnrollmentWaitReason } from '../entities/enrollment.entity';
import { Message } from '../entities/message.entity';
import { countClaimedEmail, readClaimBilling } from './billing-claim';
import { endEnrollments } from './enrollment-ends';
import type { ClaimResult, ClaimRules, ClaimState, ResendClaim } from './send-claim';
import { loadPaceContext, loadSendContext, readClaimState } from './send-claim-reads';
import type { SuppressionKeys } from './suppression.repository';

export type * from './send-claim';

/**
 * The outbox: a row per (enrollment, step) written before SMTP is spoken to. Claiming reads,
 * under row locks, whether the enrollment and the prospect may still be written to; the rules
 * it is given decide (decideClaim, libs/sending), and it writes what they decided.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the step's row for sending, or with `resend` its row again after a soft bounce:
   * the same checks and pacing, then the row gets the attempt's new Message-ID and goes back
   * to `sending`.
   */
  claim(enrollmentId: string, stepId: string, rules: ClaimRules, resend?: ResendClaim): Promise<ClaimResult> {
    return this.dataSource.transaction(async (manager) => {
      const result = await this.claimIn(manager, enrollmentId, stepId, rules, resend);
      // The enrollment says why its step waits (a resend follows a sequence that moved on: not its step).
      if (!resend && (result.kind === 'deferred' || result.kind === 'paused')) {
        await this.noteWait(manager, enrollmentId, stepId, result.reason, result.kind === 'deferred' ? result.until : null);
      }
      return result;
    });
  }

  /**
   * What a claim of the step would decide on, read now without locks: for a last look before
   * SMTP, once a claim holds the row. Null when the enrollment is gone.
   */
  async claimState(enrollmentId: string, stepId: string, suppressionKeys: (email: string) => SuppressionKeys): Promise<ClaimState | null> {
    return (await readClaimState(this.dataSource.manager, enrollmentId, stepId, suppressionKeys, false))?.state ?? null;
  }

  private async claimIn(
    manager: EntityManager, enrollmentId: string, stepId: string, rules: ClaimRules, resend: ResendClaim | undefined,
  ): Promise<ClaimResult> {
    const read = await readClaimState(manager, enrollmentId, stepId, rules.suppressionKeys, true);
    if (!read) return { kind: 'stopped', reason: 'enrollment_deleted' };
    const now = new Date();
    const decision = resend ? rules.decide(read.state, now, { attempt: resend.attempt }) : rules.decide(read.state, now);
    if (decision.kind !== 'send' && decision.kind !== 'resend') return decision;
    // Only an email that would otherwise go is counted, or held back by the account's plan.
    const month = rules.usageMonth(now);
    const hold = rules.billingHold(await readClaimBilling(manager, read.accountId, month), now);
    if (hold) return hold;
    const result = decision.kind === 'resend'
      ? await this.claimResend(manager, enrollmentId, rules, decision.message, resend!)
      : await this.claimNew(manager, enrollmentId, stepId, rules, read.likelyMailboxId);
    if (result.kind === 'claimed') await countClaimedEmail(manager, read.accountId, month);
    return result;
  }

  /** Writes the step's row, from the mailbox pacing admits it from; or says why it waits. */
  private async claimNew(
    manager: EntityManager, enrollmentId: string, stepId: string, rules: ClaimRules, likelyMailboxId: string,
  ): Promise<ClaimResult> {
    // Every claim of the campaign waits on its mailboxes' pacing locks (paceIn), so the email is
    // written before they are taken, from the mailbox it will most likely leave from; the locks
    // are then held only for the decision and the writes.
    let context = await loadSendContext(manager, enrollmentId, stepId, likelyMailboxId);
    let composed = rules.compose(context);
    const pace = await this.paceIn(manager, enrollmentId, rules);
    if (pace.kind !== 'admit') return pace;
    if (context.mailbox.id !== pace.mailboxId) {
      // Rotation picked another mailbox: the email is written again, from it.
      context = await loadSendContext(manager, enrollmentId, stepId, pace.mailboxId);
      composed = rules.compose(context);
    }
    const messages = manager.getRepository(Message);
    const message = messages.create({
      ...composed,
      accountId: context.accountId,
      enrollmentId,
      stepId,
      mailboxId: context.mailbox.id,
      status: 'sending',
      claimedAt: new Date(),
      error: null,
      smtpResponse: null,
      sentAt: null,
      resendAt: null,
    });
    // insert, not save: save would first look the new id up.
    await messages.insert(message);
    await this.assignMailbox(manager, enrollmentId, pace.mailboxId, context.step.position);
    return { kind: 'claimed', message };
  }

  /** Claims the soft-bounced row again, from the mailbox pacing admits it from; or says why it waits. */
  private async claimResend(
    manager: EntityManager, enrollmentId: string, rules: ClaimRules, due: Message, resend: ResendClaim,
  ): Promise<ClaimResult> {
    const pace = await this.paceIn(manager, enrollmentId, rules);
    if (pace.kind !== 'admit') return pace;
    await this.assignMailbox(manager, enrollmentId, pace.mailboxId, null);
    return { kind: 'claimed', message: await this.reclaim(manager, due, pace.mailboxId, resend) };
  }

  /** The mailbox the email may leave from now, or why it waits; the mailbox's pacing state is saved either way. */
  private async paceIn(
    manager: EntityManager, enrollmentId: string, rules: ClaimRules,
  ): Promise<{ kind: 'admit'; mailboxId: string } | Extract<ClaimResult, { kind: 'paused' | 'deferred' }>> {
    const pace = rules.pace(await loadPaceContext(manager, enrollmentId));
    // Its mailbox (or, for a first email, every one of the campaign's) is disabled: held until enabled.
    if (pace.kind === 'hold') return { kind: 'paused', reason: 'mailbox_disabled' };
    if (pace.state) await this.savePaceState(manager, pace.mailboxId!, pace.state);
    if (pace.kind === 'defer') return { kind: 'deferred', reason: pace.reason, until: pace.until, queued: pace.queued };
    return { kind: 'admit', mailboxId: pace.mailboxId };
  }

  private async noteWait(manager: EntityManager, enrollmentId: string, stepId: string, reason: EnrollmentWaitReason, until: Date | null) {
    await manager.query(
      `UPDATE enrollments e SET waiting_reason = $3, waiting_until = $4, updated_at = now(),
         current_step = COALESCE((SELECT s.position FROM steps s WHERE s.id = $2 AND s.campaign_id = e.campaign_id), e.current_step)
       WHERE e.id = $1`,
      [enrollmentId, stepId, reason, until],
    );
  }

  /** Keeps the enrollment on its first mailbox (replies come back there) and records how far it got. */
  private async assignMailbox(manager: EntityManager, enrollmentId: string, mailboxId: string, position: number | null): Promise<void> {
    await manager.query(
      `UPDATE enrollments SET mailbox_id = COALESCE(mailbox_id, $2), current_step = COALESCE($3, current_step), updated_at = now(),
         waiting_reason = CASE WHEN $3::int IS NULL THEN waiting_reason END,
         waiting_until = CASE WHEN $3::int IS NULL THEN waiting_until END
       WHERE id = $1`,
      [enrollmentId, mailboxId, position],
    );
  }

  /** The soft-bounced row again, as the resend attempt it now is: same words, new Message-ID. */
  private async reclaim(manager: EntityManager, message: Message, mailboxId: string, resend: ResendClaim): Promise<Message> {
    const [mailbox] = await manager.query(`SELECT email FROM mailboxes WHERE id = $1`, [mailboxId]);
    await manager.getRepository(Message).update(
      { id: message.id },
      {
        status: 'sending',
        mailboxId,
        fromAddress: mailbox.email,
        messageIdHeader: resend.messageIdFor(message.id, mailbox.email),
        claimedAt: new Date(),
        resendAt: null,
        sentAt: null,
        smtpResponse: null,
        error: null,
      },
    );
    return manager.getRepository(Message).findOneByOrFail({ id: message.id });
  }

  private async savePaceState(manager: EntityManager, mailboxId: string, state: PaceState): Promise<void> {
    await manager.query(
      `UPDATE mailbox_send_state SET day = $2, day_count = $3, next_send_at = $4, queue_tail_at = $5 WHERE mailbox_id = $1`,
      [mailboxId, state.day, state.dayCount, state.nextSendAt, state.queueTailAt],
    );
  }

  async markSent(id: string, smtpResponse: string): Promise<void> {
    await this.dataSource.getRepository(Message).update({ id }, { status: 'sent', sentAt: new Date(), smtpResponse });
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.getRepository(Message).update({ id }, { status: 'failed', error });
  }

  /** Sent or not, nobody can tell: never resend it, show it to operators. */
  async markUnknown(id: string, error: string): Promise<void> {
    await this.dataSource.getRepository(Message).update({ id, status: 'sending' }, { status: 'unknown', error });
  }

  /**
   * The server refused before accepting anything: the claim is released for a retry. A first
   * attempt's row goes; a resend's row is the sent email's record, so it only waits again.
   */
  async release(id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM messages WHERE id = $1 AND status = 'sending' AND soft_bounces = 0`, [id]);
      await manager.query(
        `UPDATE messages SET status = 'sent', resend_at = now() WHERE id = $1 AND status = 'sending' AND soft_bounces > 0`,
        [id],
      );
    });
  }

  /**
   * What a last look at the INBOX before a send looks for: the Message-IDs of the emails the
   * enrollment has sent (its thread). Empty before its first email.
   */
  async sentThread(enrollmentId: string): Promise<string[]> {
    const rows: { message_id_header: string }[] = await this.dataSource.query(
      `SELECT message_id_header FROM messages WHERE enrollment_id = $1 AND status IN ('sent', 'unknown')`,
      [enrollmentId],
    );
    return rows.map((row) => row.message_id_header);
  }

  /** Ends an enrollment that a claim found stopped by its prospect's state. */
  async stopEnrollment(enrollmentId: string, reason: string): Promise<void> {
    await endEnrollments(this.dataSource.manager, { ids: [enrollmentId] }, { status: 'stopped', reason, from: ['active'] });
  }
}
