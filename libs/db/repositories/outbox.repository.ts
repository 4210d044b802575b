import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { MailboxPace, PaceDecision, PaceState, PaceWait } from '@relance/scheduling';
import type { TemplateProspect } from '@relance/templates';
import type { StoredSendingWindow } from '../entities/campaign.entity';
import type { EnrollmentWaitReason } from '../entities/enrollment.entity';
import type { StepVariant } from '../entities/step.entity';
import { Message } from '../entities/message.entity';
import { endEnrollments } from './enrollment-ends';
import type { SuppressionKeys } from './suppression.repository';
import { TEMPLATE_PROSPECT_COLUMNS, templateProspectOf } from './template-prospect';

/** Everything a send needs, read under lock in the transaction that claims the row. */
export interface SendContext {
  enrollmentId: string;
  accountId: string;
  campaignId: string;
  mailbox: { id: string; email: string; displayName: string };
  prospect: TemplateProspect;
  step: {
    id: string;
    position: number;
    subject: string | null;
    body: string;
    newThread: boolean;
    variants: StepVariant[] | null;
  };
  /** The message that opened the current thread, when there is one. */
  threadRoot: { messageIdHeader: string; subject: string; references: string[] } | null;
  /** The campaign's tracking; `domain`: the campaign's tracking domain, else the account's, else null. */
  tracking: { enabled: boolean; domain: string | null };
}

export interface ComposedMessage {
  id: string;
  messageIdHeader: string;
  inReplyTo: string | null;
  references: string[];
  fromAddress: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  /** Where the email's pixel and links point; null or absent: not tracked (plain text). */
  trackingBaseUrl?: string | null;
  /** The body's links a click token may lead to. */
  trackedLinks?: string[];
  /** The A/B variant of the step it was written from. */
  variant: string;
}

export type ClaimResult =
  | { kind: 'claimed'; message: Message }
  | { kind: 'existing'; message: Message }
  | { kind: 'stopped'; reason: string }
  | { kind: 'deferred'; reason: DeferReason; until: Date; queued: boolean }
  /** The enrollment or its campaign is paused: nothing leaves until it is resumed. */
  | { kind: 'paused'; reason: PauseReason }
  /** The step was replaced by an edit of the campaign. */
  | { kind: 'replanned' };

export type DeferReason = Extract<EnrollmentWaitReason, PaceWait | 'out_of_office' | 'pending_resend'>;
export type PauseReason = Extract<EnrollmentWaitReason, 'paused_by_user' | 'campaign_paused' | 'mailbox_disabled'>;

/** What pacing is decided on: read, and the mailboxes' state locked, in the claim's transaction. */
export interface PaceContext {
  campaignTimeZone: string;
  sendingWindow: StoredSendingWindow | null;
  prospectTimeZone: string | null;
  assignedMailboxId: string | null;
  mailboxes: MailboxPace[];
}

export interface ClaimRules {
  pace(context: PaceContext): PaceDecision;
  compose(context: SendContext): ComposedMessage;
  /** How the prospect's address is looked up on the suppression list (a keyed hash: see libs/privacy). */
  suppressionKeys(email: string): SuppressionKeys;
}

/** Claiming a soft-bounced row again: which resend this is, and its Message-ID for a sender. */
export interface ResendClaim {
  attempt: number;
  messageIdFor(outboxId: string, senderAddress: string): string;
}

/**
 * A follow-up waits for an earlier email's pending resend, so the thread reaches the prospect in
 * order; while the resend itself is held (pacing, a full day), the follow-up looks again this
 * often. A resend due longer ago than the limit is not waited for: whatever keeps it, the
 * sequence must not stall on it.
 */
const RESEND_RECHECK_MS = 15 * 60_000;
const RESEND_HOLD_LIMIT = '2 days';

/** The row came back soft-bounced `attempt` times and this resend has not gone yet. */
function resendDue(message: Message, attempt: number): boolean {
  return message.status === 'sent' && message.resendAt !== null && message.softBounces === attempt;
}

/**
 * The outbox: a row per (enrollment, step) written before SMTP is spoken to. Claiming
 * re-checks, under row locks, that the enrollment and the prospect may still be written to.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the step's row for sending, or with `resend` its row again after a soft bounce
   * (see resendDue): the same checks and pacing, then the row gets the attempt's new
   * Message-ID and goes back to `sending`.
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

  private async noteWait(manager: EntityManager, enrollmentId: string, stepId: string, reason: EnrollmentWaitReason, until: Date | null) {
    await manager.query(
      `UPDATE enrollments e SET waiting_reason = $3, waiting_until = $4, updated_at = now(),
         current_step = COALESCE((SELECT s.position FROM steps s WHERE s.id = $2 AND s.campaign_id = e.campaign_id), e.current_step)
       WHERE e.id = $1`,
      [enrollmentId, stepId, reason, until],
    );
  }

  private async claimIn(
    manager: EntityManager, enrollmentId: string, stepId: string, rules: ClaimRules, resend: ResendClaim | undefined,
  ): Promise<ClaimResult> {
    const [row] = await manager.query(
      `SELECT e.account_id, e.status AS enrollment_status, p.email, p.status AS prospect_status, p.restricted,
              c.status AS campaign_status, e.paused_until, COALESCE(e.mailbox_id, c.mailbox_id) AS likely_mailbox_id
       FROM enrollments e JOIN prospects p ON p.id = e.prospect_id JOIN campaigns c ON c.id = e.campaign_id
       WHERE e.id = $1 FOR UPDATE OF e, p`,
      [enrollmentId],
    );
    if (!row) return { kind: 'stopped', reason: 'enrollment_deleted' };
    if (row.campaign_status === 'stopped') return { kind: 'stopped', reason: 'campaign_stopped' };
    if (row.enrollment_status === 'paused') return { kind: 'paused', reason: 'paused_by_user' };
    if (row.campaign_status === 'paused') return { kind: 'paused', reason: 'campaign_paused' };
    // An out-of-office reply holds the next email even if the workflow has not heard of it yet.
    if (row.paused_until && row.paused_until.getTime() > Date.now()) {
      return { kind: 'deferred', reason: 'out_of_office', until: row.paused_until, queued: false };
    }
    // A resend may follow the sequence's last step: its enrollment has completed by then.
    const mayWrite = row.enrollment_status === 'active' || (resend !== undefined && row.enrollment_status === 'completed');
    if (!mayWrite) return { kind: 'stopped', reason: `enrollment_${row.enrollment_status}` };
    if (row.prospect_status !== 'active') return { kind: 'stopped', reason: `prospect_${row.prospect_status}` };
    if (row.restricted) return { kind: 'stopped', reason: 'prospect_restricted' };
    // On the account's suppression list (an unsubscribe, a blocked address or domain), whatever
    // the prospect's own status says: e.g. a prospect imported after the address was suppressed.
    const keys = rules.suppressionKeys(row.email);
    const [suppressed] = await manager.query(
      `SELECT 1 FROM suppressions WHERE account_id = $1 AND (email_hash = $2 OR domain = ANY($3::text[])) LIMIT 1`,
      [row.account_id, keys.emailHash, keys.domains],
    );
    if (suppressed) return { kind: 'stopped', reason: 'prospect_suppressed' };

    const messages = manager.getRepository(Message);
    const existing = await messages.findOneBy({ enrollmentId, stepId });
    if (resend) {
      if (!existing) return { kind: 'stopped', reason: 'nothing_to_resend' };
      if (!resendDue(existing, resend.attempt)) return { kind: 'existing', message: existing };
      if (existing.resendAt!.getTime() > Date.now()) {
        return { kind: 'deferred', reason: 'pending_resend', until: existing.resendAt!, queued: false };
      }
    } else {
      if (existing) return { kind: 'existing', message: existing };
      // An edit of the campaign replaced this step before it was sent: the workflow re-reads its plan.
      const [step] = await manager.query(`SELECT retired_at FROM steps WHERE id = $1`, [stepId]);
      if (!step || step.retired_at) return { kind: 'replanned' };
      const [pending] = await manager.query(
        `SELECT resend_at FROM messages WHERE enrollment_id = $1 AND status = 'sent'
           AND resend_at > now() - $2::interval ORDER BY resend_at DESC LIMIT 1`,
        [enrollmentId, RESEND_HOLD_LIMIT],
      );
      if (pending) {
        const until = new Date(Math.max(pending.resend_at.getTime(), Date.now() + RESEND_RECHECK_MS));
        return { kind: 'deferred', reason: 'pending_resend', until, queued: false };
      }
    }

    // Every claim of the campaign waits on its mailboxes' pacing locks (loadPaceContext), so
    // the email is written before they are taken, from the mailbox it will most likely leave
    // from; the locks are then held only for the decision and the writes.
    let context = resend ? null : await this.loadContext(manager, enrollmentId, stepId, row.likely_mailbox_id);
    let composed = context && rules.compose(context);

    const decision = rules.pace(await this.loadPaceContext(manager, enrollmentId));
    // Its mailbox (or, for a first email, every one of the campaign's) is disabled: held until enabled.
    if (decision.kind === 'hold') return { kind: 'paused', reason: 'mailbox_disabled' };
    if (decision.state) await this.savePaceState(manager, decision.mailboxId!, decision.state);
    if (decision.kind === 'defer') return { kind: 'deferred', reason: decision.reason, until: decision.until, queued: decision.queued };
    if (resend) {
      await this.assignMailbox(manager, enrollmentId, decision.mailboxId!, null);
      return { kind: 'claimed', message: await this.reclaim(manager, existing!, decision.mailboxId!, resend) };
    }
    if (context!.mailbox.id !== decision.mailboxId) {
      // Rotation picked another mailbox: the email is written again, from it.
      context = await this.loadContext(manager, enrollmentId, stepId, decision.mailboxId!);
      composed = rules.compose(context);
    }
    const message = messages.create({
      ...composed!,
      accountId: context!.accountId,
      enrollmentId,
      stepId,
      mailboxId: context!.mailbox.id,
      status: 'sending',
      claimedAt: new Date(),
      error: null,
      smtpResponse: null,
      sentAt: null,
      resendAt: null,
    });
    // insert, not save: save would first look the new id up.
    await messages.insert(message);
    await this.assignMailbox(manager, enrollmentId, decision.mailboxId!, context!.step.position);
    return { kind: 'claimed', message };
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

  /** Locks the campaign's mailboxes' pacing rows (in id order, so claims never deadlock). */
  private async loadPaceContext(manager: EntityManager, enrollmentId: string): Promise<PaceContext> {
    const [row] = await manager.query(
      `SELECT e.mailbox_id, e.campaign_id, c.time_zone AS campaign_tz, c.sending_window, p.time_zone AS prospect_tz
       FROM enrollments e JOIN campaigns c ON c.id = e.campaign_id JOIN prospects p ON p.id = e.prospect_id
       WHERE e.id = $1`,
      [enrollmentId],
    );
    await manager.query(
      `INSERT INTO mailbox_send_state (mailbox_id, day, day_count, next_send_at, queue_tail_at)
       SELECT mailbox_id, '', 0, 'epoch', 'epoch' FROM campaign_mailboxes WHERE campaign_id = $1
       ON CONFLICT (mailbox_id) DO NOTHING`,
      [row.campaign_id],
    );
    const mailboxes = await manager.query(
      `SELECT m.id, m.daily_limit, m.min_spacing_seconds, m.spacing_jitter_seconds, m.time_zone, m.disabled, m.sending_window,
              st.day, st.day_count, st.next_send_at, st.queue_tail_at
       FROM campaign_mailboxes cm
       JOIN mailboxes m ON m.id = cm.mailbox_id
       JOIN mailbox_send_state st ON st.mailbox_id = m.id
       WHERE cm.campaign_id = $1 ORDER BY m.id FOR UPDATE OF st`,
      [row.campaign_id],
    );
    return {
      campaignTimeZone: row.campaign_tz,
      sendingWindow: row.sending_window,
      prospectTimeZone: row.prospect_tz,
      assignedMailboxId: row.mailbox_id,
      mailboxes: mailboxes.map((m: Record<string, any>) => ({
        mailboxId: m.id,
        dailyLimit: m.daily_limit,
        minSpacingMs: m.min_spacing_seconds * 1000,
        jitterMs: m.spacing_jitter_seconds * 1000,
        timeZone: m.time_zone,
        disabled: m.disabled,
        window: m.sending_window && { timeZone: m.time_zone, ...m.sending_window },
        state: m.day ? { day: m.day, dayCount: m.day_count, nextSendAt: m.next_send_at, queueTailAt: m.queue_tail_at } : null,
      })),
    };
  }

  private async savePaceState(manager: EntityManager, mailboxId: string, state: PaceState): Promise<void> {
    await manager.query(
      `UPDATE mailbox_send_state SET day = $2, day_count = $3, next_send_at = $4, queue_tail_at = $5 WHERE mailbox_id = $1`,
      [mailboxId, state.day, state.dayCount, state.nextSendAt, state.queueTailAt],
    );
  }

  private async loadContext(manager: EntityManager, enrollmentId: string, stepId: string, mailboxId: string): Promise<SendContext> {
    const [row] = await manager.query(
      `SELECT e.account_id, e.campaign_id,
              m.id AS mailbox_id, m.email AS mailbox_email, m.display_name,
              ${TEMPLATE_PROSPECT_COLUMNS},
              s.position AS step_position, s.subject, s.body, s.new_thread, s.variants
       FROM enrollments e
       JOIN campaigns c ON c.id = e.campaign_id
       JOIN mailboxes m ON m.id = $3
       JOIN prospects p ON p.id = e.prospect_id
       JOIN steps s ON s.id = $2 AND s.campaign_id = c.id
       WHERE e.id = $1`,
      [enrollmentId, stepId, mailboxId],
    );
    if (!row) throw new Error(`step ${stepId} is not part of enrollment ${enrollmentId}'s campaign`);
    const [tracking] = await manager.query(
      `SELECT c.tracking_enabled, COALESCE(c.tracking_domain, a.tracking_domain) AS tracking_domain
       FROM campaigns c JOIN accounts a ON a.id = c.account_id WHERE c.id = $1`,
      [row.campaign_id],
    );
    // The thread root is the latest message sent that opened a thread (no In-Reply-To).
    const [root] = await manager.query(
      `SELECT m.message_id_header, m.subject, m."references" FROM messages m JOIN steps s ON s.id = m.step_id
       WHERE m.enrollment_id = $1 AND m.in_reply_to IS NULL AND m.status IN ('sent', 'unknown')
       ORDER BY s.position DESC LIMIT 1`,
      [enrollmentId],
    );
    return {
      enrollmentId,
      accountId: row.account_id,
      campaignId: row.campaign_id,
      mailbox: { id: row.mailbox_id, email: row.mailbox_email, displayName: row.display_name },
      prospect: templateProspectOf(row),
      step: {
        id: stepId,
        position: row.step_position,
        subject: row.subject,
        body: row.body ?? '',
        newThread: row.new_thread,
        variants: row.variants,
      },
      threadRoot: root
        ? { messageIdHeader: root.message_id_header, subject: root.subject, references: root.references ?? [] }
        : null,
      tracking: { enabled: tracking.tracking_enabled, domain: tracking.tracking_domain },
    };
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

  /**
   * Whether a claimed send may still go, as the claim would judge it now: the enrollment still
   * runs (or, for a resend, has completed), the prospect is still active and unrestricted, and
   * no out-of-office pause holds it.
   */
  async maySendNow(enrollmentId: string, resend: boolean): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT e.status, e.paused_until > now() AS held, p.status AS prospect_status, p.restricted
       FROM enrollments e JOIN prospects p ON p.id = e.prospect_id WHERE e.id = $1`,
      [enrollmentId],
    );
    if (!row || row.held || row.restricted || row.prospect_status !== 'active') return false;
    return row.status === 'active' || (resend && row.status === 'completed');
  }

  /** Ends an enrollment that a claim found stopped by its prospect's state. */
  async stopEnrollment(enrollmentId: string, reason: string): Promise<void> {
    await endEnrollments(this.dataSource.manager, { ids: [enrollmentId] }, { status: 'stopped', reason, from: ['active'] });
  }
}
