import type { EntityManager } from 'typeorm';
import { BOUNCE_EFFECT, type BounceReason, type BounceVerdict } from '@relance/mail/classification/bounce-reasons';
import type { AuditEntry } from './audit.repository';
import { hardBounceSql } from './hard-bounce-sql';

/** The classifier as a stored bounce can be read by it: its action (a stored bounce failed), status and diagnostic. */
export type ReadStoredBounce = (stored: { action: string | null; status: string | null; diagnostic: string | null }) => BounceVerdict;

/** Appends to the audit trail in the caller's transaction (AuditRepository.append). */
export type AppendAudit = (entry: AuditEntry, manager: EntityManager) => Promise<unknown>;

export interface ReclassifyCounts {
  /** Stored bounces read again. */
  reread: number;
  /** Of those, the ones whose reason or status changed. */
  changed: number;
  /** Suppressions the old first-digit rule added (hard_bounce) for a reason that does not suppress, lifted. */
  lifted: number;
  /** Prospects marked bounced by that rule, active again. */
  restored: number;
}

const BATCH = 500;

/**
 * Reads every stored bounce again with the classifier (its status and diagnostic are all that
 * was kept), stores its reason and refined status beside the raw one, then lifts the
 * suppressions the old rule ("5.x.x but 5.2.2 is hard") added for bounces whose reason does not
 * say the recipient is gone, unless another bounce to the same prospect does. Each lift is in the
 * audit trail (actor system, target the suppression), never silent; the prospect it had marked
 * bounced is active again. Enrollments the old rule ended stay ended: their workflows are over,
 * and the rep may enroll the prospect again. Run in the caller's transaction (a migration's).
 */
export async function reclassifyStoredBounces(
  manager: EntityManager,
  read: ReadStoredBounce,
  appendAudit: AppendAudit,
): Promise<ReclassifyCounts> {
  const counts: ReclassifyCounts = { reread: 0, changed: 0, lifted: 0, restored: 0 };
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows: StoredBounce[] = await manager.query(
      `SELECT id, bounce_status, bounce_raw_status, bounce_diagnostic, bounce_reason FROM inbound_messages
       WHERE kind = 'bounce' AND id > $1 ORDER BY id LIMIT $2`,
      [after, BATCH],
    );
    if (rows.length === 0) break;
    for (const row of rows) {
      counts.reread += 1;
      const next = storedVerdict(row, read);
      if (next.reason === row.bounce_reason && next.status === row.bounce_status && next.rawStatus === row.bounce_raw_status) continue;
      await manager.query(
        `UPDATE inbound_messages SET bounce_reason = $2, bounce_status = $3, bounce_raw_status = $4 WHERE id = $1`,
        [row.id, next.reason, next.status, next.rawStatus],
      );
      counts.changed += 1;
    }
    after = rows[rows.length - 1].id;
  }
  const lifts = await liftableSuppressions(manager);
  for (const lift of lifts) {
    await manager.query(`DELETE FROM suppressions WHERE id = $1`, [lift.suppression_id]);
    const [restored]: [unknown[], number] = await manager.query(
      `UPDATE prospects SET status = 'active', updated_at = now() WHERE id = $1 AND status = 'bounced' RETURNING id`,
      [lift.prospect_id],
    );
    counts.lifted += 1;
    counts.restored += restored.length;
    await appendAudit({
      actor: { kind: 'system', id: null },
      action: 'suppression.lifted',
      target: { type: 'suppression', id: lift.suppression_id },
      accountId: lift.account_id,
      reason: `bounce reread as ${lift.bounce_reason} (${BOUNCE_EFFECT[lift.bounce_reason as BounceReason] ?? 'none'}): ` +
        'only a recipient gone (user unknown, host unknown, mailbox disabled, moved, null MX) is suppressed',
      details: {
        bounceReason: lift.bounce_reason,
        inboundMessageId: lift.inbound_message_id,
        prospectId: lift.prospect_id,
        prospectRestored: restored.length > 0,
      },
    }, manager);
  }
  return counts;
}

interface StoredBounce {
  id: string;
  bounce_status: string | null;
  bounce_raw_status: string | null;
  bounce_diagnostic: string | null;
  bounce_reason: string | null;
}

/**
 * What the classifier makes of a stored bounce. The status first stored is the report's own
 * (the raw one, kept apart once refined); only bounces the remote server gave up on were stored
 * with a failure's status, a delay's with 4.x.x, which the classifier reads as temporary anyway.
 */
function storedVerdict(row: StoredBounce, read: ReadStoredBounce): { reason: string; status: string | null; rawStatus: string | null } {
  const given = row.bounce_raw_status ?? row.bounce_status;
  const verdict = read({ action: 'failed', status: given, diagnostic: row.bounce_diagnostic });
  const status = verdict.status ?? given;
  return { reason: verdict.reason, status, rawStatus: given !== null && given !== status ? given : null };
}

interface Lift {
  suppression_id: string;
  account_id: string;
  prospect_id: string;
  inbound_message_id: string;
  bounce_reason: string;
}

/**
 * Suppressions the old rule added for a bounce (reason hard_bounce, tied to the email that
 * bounced) whose bounces now all read as something other than a recipient gone, and no other
 * bounce to the same prospect says it is. One whose email or prospect is gone (erased) is kept:
 * the keyed hash is all that keeps an erased person suppressed.
 */
async function liftableSuppressions(manager: EntityManager): Promise<Lift[]> {
  return manager.query(
    `SELECT DISTINCT ON (s.id) s.id AS suppression_id, s.account_id, e.prospect_id, i.id AS inbound_message_id, i.bounce_reason
     FROM suppressions s
     JOIN messages m ON m.id = s.source_message_id
     JOIN enrollments e ON e.id = m.enrollment_id
     -- A prospect who since unsubscribed or was blacklisted keeps the entry: it now says that too.
     JOIN prospects p ON p.id = e.prospect_id AND p.status IN ('active', 'replied', 'bounced')
     JOIN inbound_messages i ON i.in_reply_to_message_id = m.id AND i.kind = 'bounce'
     WHERE s.kind = 'email' AND s.reason = 'hard_bounce'
       AND NOT EXISTS (
         SELECT 1 FROM inbound_messages j
         JOIN messages mj ON mj.id = j.in_reply_to_message_id
         JOIN enrollments ej ON ej.id = mj.enrollment_id
         WHERE ej.prospect_id = e.prospect_id AND ${hardBounceSql('j')})
     ORDER BY s.id, i.created_at DESC`,
  );
}
