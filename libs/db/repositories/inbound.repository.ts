import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { BounceEffect, BounceReason } from '@relance/mail/classification/bounce-reasons';
import { matchInbound, MatchedMessage } from './inbound-matching';
import { endEnrollments, RUNNING } from './enrollment-ends';
import { hardBounceSql } from './hard-bounce-sql';
import { recordComplaint, recordRecipientGone, recordSenderProblem, type MailboxPausePolicy } from './bounce-effects';
import { recordSoftBounce, type ResendEndReason, type ResendPlan, type SoftBounceEffect } from './soft-bounces';
import { keysetPage, type Page } from './keyset-page';
import { SuppressionRepository } from './suppression.repository';
import { recordUnmatched, UNMATCHED_REPORT_SQL, type UnmatchedReportRow } from './unmatched-inbound';
import { recordReferral } from './referrals';
import { currentInboundEffect } from './inbound-current-effect';
import { stopLeftCompany, stopOtherCampaigns, stopSameCompany } from './reply-effects';

/** What an inbound message means for the sequence it answers, decided before it is recorded. */
export type InboundOutcome =
  /** A person answered: the sequence ends. */
  | { kind: 'reply' }
  /**
   * A colleague answered that the prospect left, offering `colleague` instead: stored as a reply
   * (marked `referral`), it ends the departed prospect's sequences as left_company and suggests the colleague.
   */
  | { kind: 'referral'; colleague: { address: string; name: string | null } }
  /**
   * A program answered for them. `returnDate` is the return it announced (kept on the row);
   * `pauseUntil` holds the enrollment's next email, null when nothing is held (a read receipt).
   * `leftCompany`: it says the person no longer works there, so every sequence to the address ends.
   */
  | { kind: 'auto_reply'; returnDate: Date | null; pauseUntil: Date | null; leftCompany?: boolean }
  /**
   * A delivery report, judged by its reason (`effect` is BOUNCE_EFFECT[reason]): suppress ends
   * every sequence to the address and suppresses it; retry with a `resend` plan (the remote server
   * gave up) sends the email again later, without one (a delay: the server still tries) it is only
   * recorded; sender_problem resends the same way and counts against the mailbox, which pauses
   * itself past `mailboxPause`; none is only recorded. `status` is the refined status, `rawStatus`
   * the report's own when it differs.
   */
  | {
      kind: 'bounce';
      reason: BounceReason;
      effect: BounceEffect;
      status: string | null;
      rawStatus: string | null;
      diagnostic: string | null;
      resend?: ResendPlan | null;
      mailboxPause?: MailboxPausePolicy | null;
    }
  /** A feedback report (ARF): the recipient complained; every sequence to the address ends and it is suppressed. */
  | { kind: 'complaint'; feedbackType: string | null };

export interface InboundRecord {
  mailboxId: string;
  uidValidity: string;
  uid: number;
  messageIdHeader: string | null;
  /** Message-IDs of ours the mail may be about, most specific first. */
  candidateMessageIds: string[];
  fromAddress: string | null;
  toAddresses: string[];
  subject: string;
  /** What the sender wrote, without the quoted history. */
  bodyText: string;
  quotedText: string | null;
  receivedAt: Date | null;
  outcome: InboundOutcome;
}

/** What the workflows must be told; the database already says it. */
export type InboundEffect =
  /**
   * `prospectStopped`: the prospect's running enrollments in other campaigns, ended by their reply.
   * `companyStopped`: enrollments of the same company the campaign ends with the reply (its option).
   */
  | { kind: 'replied'; enrollmentId: string; prospectStopped?: string[]; companyStopped?: string[] }
  | { kind: 'paused'; enrollmentId: string; until: Date }
  | { kind: 'bounced'; enrollmentIds: string[]; reason: 'hard_bounce' | ResendEndReason }
  | { kind: 'stopped'; enrollmentIds: string[]; reason: 'left_company' | 'complained' }
  /** A soft-bounced email (outbox row `messageId`) goes again at `at`: its `attempt`-th resend. */
  | Extract<SoftBounceEffect, { kind: 'resend' }>
  | { kind: 'none' };

export interface RecordedInbound {
  inboundMessageId: string;
  enrollmentId: string;
  /** False when this IMAP message had already been recorded (a re-read after a crash). */
  isNew: boolean;
  effect: InboundEffect;
  /** Why the sending mailbox paused itself because of this bounce (it blamed the sender once too often); absent when it did not. */
  mailboxPaused?: string;
}

@Injectable()
export class InboundRepository {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SuppressionRepository) private readonly suppressions: SuppressionRepository,
  ) {}

  /**
   * Stores a message about one of ours and, in the same transaction, does what it means, so no
   * later send can be claimed against it whether or not the workflow has heard yet:
   * - reply: the enrollment ends ('replied') and the prospect is marked replied;
   * - auto_reply: the enrollment's next email is held until `pauseUntil` (paused_until); one
   *   saying the person left the company ends every running sequence to the address
   *   ('stopped', left_company), without suppressing it (a successor may read it);
   * - bounce, by the effect of its reason: the recipient is gone (suppress): the prospect's
   *   running enrollments end ('bounced', hard_bounce), the prospect is marked bounced and the
   *   address joins the account's suppression list (its keyed hash, by `hashEmail`); retry: a delay is stored only (the remote server keeps trying), a
   *   failure plans a resend, or ends the enrollment once resends are used up (recordSoftBounce);
   *   sender_problem: the same resends, never a suppression, and the mailbox counts it
   *   (recordSenderProblem); none: stored only;
   * - complaint: every sequence to the address ends and it is suppressed (recordComplaint).
   * A re-read of the same IMAP message changes nothing and reports the effect again, so the
   * signals a crash lost are sent. Null when the mail is about nothing of ours; a bounce or a
   * complaint about nothing of ours is still kept for operators (recordUnmatched), stopping nothing.
   */
  recordInbound(record: InboundRecord, hashEmail: (email: string) => string): Promise<RecordedInbound | null> {
    return this.dataSource.transaction(async (manager) => {
      const matched = await matchInbound(manager, {
        mailboxId: record.mailboxId,
        candidateMessageIds: record.candidateMessageIds,
        fromAddress: record.fromAddress,
        // A report comes from a mail server, never from the person: only its thread ties it.
        byPerson: !isReport(record.outcome),
      });
      const { outcome } = record;
      if (!matched) {
        if (isReport(outcome)) await recordUnmatched(manager, unmatchedReport(record, outcome));
        return null;
      }
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO inbound_messages (account_id, mailbox_id, imap_uid_validity, imap_uid, kind, message_id_header,
           in_reply_to_message_id, enrollment_id, from_address, to_addresses, subject, body_text, quoted_text, received_at,
           auto_reply_until, bounce_status, bounce_diagnostic, bounce_reason, bounce_raw_status, feedback_type, referral)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)
         ON CONFLICT (mailbox_id, imap_uid_validity, imap_uid) DO NOTHING RETURNING id`,
        [
          // A referral is a reply (the stats count it), marked as one.
          matched.account_id, record.mailboxId, record.uidValidity, record.uid,
          outcome.kind === 'referral' ? 'reply' : outcome.kind, record.messageIdHeader,
          matched.id, matched.enrollment_id, record.fromAddress, record.toAddresses, record.subject, record.bodyText,
          record.quotedText, record.receivedAt,
          outcome.kind === 'auto_reply' ? outcome.returnDate : null,
          outcome.kind === 'bounce' ? outcome.status : null,
          outcome.kind === 'bounce' ? outcome.diagnostic : null,
          outcome.kind === 'bounce' ? outcome.reason : null,
          outcome.kind === 'bounce' ? outcome.rawStatus : null,
          outcome.kind === 'complaint' ? outcome.feedbackType : null,
          outcome.kind === 'referral',
        ],
      );
      if (inserted.length === 0) {
        const [existing] = await manager.query(
          `SELECT id, kind, bounce_reason, referral FROM inbound_messages WHERE mailbox_id = $1 AND imap_uid_validity = $2 AND imap_uid = $3`,
          [record.mailboxId, record.uidValidity, record.uid],
        );
        return {
          inboundMessageId: existing.id,
          enrollmentId: matched.enrollment_id,
          isNew: false,
          effect: await currentInboundEffect(manager, matched, existing),
        };
      }
      const inboundMessageId = inserted[0].id;
      const effect = outcome.kind === 'referral'
        ? await recordReferral(manager, matched, { inboundMessageId, colleague: outcome.colleague }, hashEmail)
        : await this.applyOutcome(manager, matched, outcome, hashEmail);
      // Counted once per refused attempt: a second report of the same one plans nothing (effect none).
      const mailboxPaused = outcome.kind === 'bounce' && outcome.effect === 'sender_problem' && outcome.mailboxPause && effect.kind !== 'none'
        ? await recordSenderProblem(manager, {
          accountId: matched.account_id, mailboxId: record.mailboxId, inboundMessageId, reason: outcome.reason,
        }, outcome.mailboxPause)
        : null;
      return {
        inboundMessageId,
        enrollmentId: matched.enrollment_id,
        isNew: true,
        effect,
        ...(mailboxPaused ? { mailboxPaused } : {}),
      };
    });
  }

  /**
   * The time zone of the prospect the mail is about, when one of ours matches it the way
   * recordInbound will (by its thread, else by its sender) and the zone is known.
   */
  async prospectTimeZone(mailboxId: string, candidateMessageIds: string[], fromAddress: string | null): Promise<string | null> {
    const matched = await matchInbound(this.dataSource.manager, { mailboxId, candidateMessageIds, fromAddress, byPerson: true });
    if (!matched) return null;
    const [row] = await this.dataSource.query(`SELECT time_zone FROM prospects WHERE id = $1`, [matched.prospect_id]);
    return row?.time_zone ?? null;
  }

  /**
   * Bounces and complaints tied to nothing of ours, or whose reason could not be read, newest
   * first (the latest `limit`, 100 by default), of one mailbox when given: what operators look
   * at (they stopped nothing).
   */
  /**
   * The reports kept for operators, newest first, `limit` at a time after the report `after`
   * (of one mailbox when given). Null when `after` names no such report of the account.
   */
  unmatchedReports(
    accountId: string, options: { mailboxId?: string; limit: number; after?: string },
  ): Promise<Page<UnmatchedReportRow> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT i.id, i.mailbox_id, i.kind, i.from_address, i.subject, i.bounce_status, i.bounce_raw_status,
                    i.bounce_diagnostic, i.bounce_reason, i.feedback_type, i.received_at, i.created_at
             FROM inbound_messages i WHERE i.account_id = $1 AND ($2::uuid IS NULL OR i.mailbox_id = $2) AND ${UNMATCHED_REPORT_SQL}`,
      params: [accountId, options.mailboxId ?? null],
      key: ['created_at', 'id'],
      descending: true,
      map: (row) => ({
        id: row.id, mailboxId: row.mailbox_id, kind: row.kind, fromAddress: row.from_address, subject: row.subject,
        bounceStatus: row.bounce_status, bounceRawStatus: row.bounce_raw_status, bounceDiagnostic: row.bounce_diagnostic,
        bounceReason: row.bounce_reason, feedbackType: row.feedback_type, receivedAt: row.received_at, createdAt: row.created_at,
      }),
    }, { limit: options.limit, after: options.after });
  }

  /**
   * The address of the prospect the mail is about, matched as recordInbound will: a referral
   * must not offer the person who left.
   */
  async prospectAddress(mailboxId: string, candidateMessageIds: string[], fromAddress: string | null): Promise<string | null> {
    const matched = await matchInbound(this.dataSource.manager, { mailboxId, candidateMessageIds, fromAddress, byPerson: true });
    return matched?.to_address ?? null;
  }

  /**
   * Emails of the campaign that left (status 'sent'), and how many of them came back saying the
   * recipient is gone: what an automatic pause on the bounce rate reads.
   */
  async bounceStats(campaignId: string): Promise<{ sent: number; hardBounces: number }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS sent,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM inbound_messages i
                WHERE i.in_reply_to_message_id = m.id AND ${hardBounceSql('i')}))::int AS hard_bounces
       FROM steps s JOIN messages m ON m.step_id = s.id AND m.status = 'sent'
       WHERE s.campaign_id = $1`,
      [campaignId],
    );
    return { sent: row.sent, hardBounces: row.hard_bounces };
  }

  private async applyOutcome(
    manager: EntityManager,
    matched: MatchedMessage,
    outcome: Exclude<InboundOutcome, { kind: 'referral' }>,
    hashEmail: (email: string) => string,
  ): Promise<InboundEffect> {
    switch (outcome.kind) {
      case 'reply': {
        // A colleague answering for the prospect ends the sequence; the prospect did not reply.
        const secondary = matched.how === 'domain';
        // A reply after the last step still answers the sequence: it reads replied, as stats count it.
        await endEnrollments(manager, { ids: [matched.enrollment_id] }, {
          status: 'replied', reason: secondary ? 'secondary_reply' : 'replied', from: [...RUNNING, 'completed'],
        });
        const prospectStopped = secondary ? [] : await stopOtherCampaigns(manager, matched.prospect_id);
        if (!secondary) {
          await manager.query(`UPDATE prospects SET status = 'replied', updated_at = now() WHERE id = $1 AND status = 'active'`, [
            matched.prospect_id,
          ]);
        }
        const companyStopped = await stopSameCompany(manager, matched.enrollment_id);
        return {
          kind: 'replied',
          enrollmentId: matched.enrollment_id,
          ...(prospectStopped.length > 0 ? { prospectStopped } : {}),
          ...(companyStopped.length > 0 ? { companyStopped } : {}),
        };
      }
      case 'auto_reply': {
        if (outcome.leftCompany) return stopLeftCompany(manager, matched.prospect_id);
        if (!outcome.pauseUntil) return { kind: 'none' };
        // The latest auto-reply says best when they are back: it replaces an earlier pause.
        const [held]: [{ id: string }[], number] = await manager.query(
          `UPDATE enrollments SET paused_until = $2, updated_at = now() WHERE id = $1 AND status = ANY($3::text[]) RETURNING id`,
          [matched.enrollment_id, outcome.pauseUntil, RUNNING],
        );
        return held.length > 0 ? { kind: 'paused', enrollmentId: matched.enrollment_id, until: outcome.pauseUntil } : { kind: 'none' };
      }
      case 'bounce':
        return this.applyBounce(manager, matched, outcome, hashEmail);
      case 'complaint': {
        const ended = await recordComplaint(manager, this.suppressions, matched, hashEmail(matched.to_address));
        return ended.length > 0 ? { kind: 'stopped', enrollmentIds: ended, reason: 'complained' } : { kind: 'none' };
      }
    }
  }

  /** What a bounce does, by the effect of its reason. */
  private async applyBounce(
    manager: EntityManager,
    matched: MatchedMessage,
    outcome: Extract<InboundOutcome, { kind: 'bounce' }>,
    hashEmail: (email: string) => string,
  ): Promise<InboundEffect> {
    switch (outcome.effect) {
      case 'suppress': {
        const ended = await recordRecipientGone(manager, this.suppressions, matched, hashEmail(matched.to_address));
        return { kind: 'bounced', enrollmentIds: ended, reason: 'hard_bounce' };
      }
      case 'retry':
        return recordSoftBounce(manager, matched, outcome.resend ?? null);
      case 'sender_problem':
        // The prospect is not at fault: never suppressed; the email waits and goes again.
        return recordSoftBounce(manager, matched, outcome.resend ?? null, 'sender_problem');
      case 'none':
        return { kind: 'none' };
    }
  }
}

/** A report of delivery or a complaint: a server wrote it, and it may be about nothing of ours. */
function isReport(outcome: InboundOutcome): outcome is Extract<InboundOutcome, { kind: 'bounce' | 'complaint' }> {
  return outcome.kind === 'bounce' || outcome.kind === 'complaint';
}

function unmatchedReport(record: InboundRecord, outcome: Extract<InboundOutcome, { kind: 'bounce' | 'complaint' }>) {
  const bounce = outcome.kind === 'bounce' ? outcome : null;
  return {
    mailboxId: record.mailboxId, uidValidity: record.uidValidity, uid: record.uid, kind: outcome.kind,
    messageIdHeader: record.messageIdHeader, fromAddress: record.fromAddress, subject: record.subject, receivedAt: record.receivedAt,
    bounceStatus: bounce?.status ?? null, bounceRawStatus: bounce?.rawStatus ?? null, bounceDiagnostic: bounce?.diagnostic ?? null,
    bounceReason: bounce?.reason ?? null, feedbackType: outcome.kind === 'complaint' ? outcome.feedbackType : null,
  };
}
