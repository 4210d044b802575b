import type { SmtpRejection } from '../harness/smtp-capture';
import type { ChaosCampaignResult } from './chaos-campaign';

/**
 * Every way the run broke a guarantee, as readable lines; empty when all held. Each prospect
 * got each step exactly once (counted by Message-ID and by recipient and subject), its
 * enrollment and workflow completed, no outbox row stayed `sending` (or ended `unknown`:
 * with a Sent folder that records everything, every send can be settled). Prospects in
 * `refused` were answered 5xx: they must have been tried exactly once, their message
 * `failed` with the server's reason, their enrollment `failed`, and nothing more sent.
 */
export function deliveryViolations(
  result: ChaosCampaignResult,
  expected: { refused?: ReadonlyMap<string, SmtpRejection> } = {},
): string[] {
  const violations: string[] = [];
  const refused = expected.refused ?? new Map<string, SmtpRejection>();
  const byRecipient = groupBy(result.received, (m) => m.recipient);
  const byMessageId = groupBy(result.received, (m) => m.messageId ?? '(none)');
  const rowsByEmail = groupBy(result.messages, (m) => m.email);
  const attemptsByRecipient = groupBy(result.attempts, (a) => a.recipient);
  const enrollmentByEmail = new Map(result.enrollments.map((e) => [e.email, e]));
  const knownIds = new Set(result.messages.map((m) => m.messageIdHeader));

  if (result.enrollments.length !== result.prospects) {
    violations.push(`${result.enrollments.length} enrollments for ${result.prospects} prospects`);
  }
  for (const [messageId, copies] of byMessageId) {
    if (copies.length > 1) violations.push(`Message-ID ${messageId} received ${copies.length} times (to ${copies[0].recipient})`);
    if (!knownIds.has(messageId)) violations.push(`received a message no outbox row knows: ${messageId} to ${copies[0].recipient}`);
  }
  for (const row of result.messages) {
    if (row.status === 'sending') violations.push(`outbox row of ${row.email} step ${row.emailStep} stayed 'sending'`);
    if (row.status === 'unknown') violations.push(`outbox row of ${row.email} step ${row.emailStep} ended 'unknown' (${row.error})`);
  }

  for (const email of result.emails) {
    const enrollment = enrollmentByEmail.get(email);
    const received = byRecipient.get(email) ?? [];
    const rows = rowsByEmail.get(email) ?? [];
    const workflowStatus = enrollment && result.workflows.get(enrollment.workflowId);
    if (!enrollment) {
      violations.push(`${email} was never enrolled`);
      continue;
    }
    if (workflowStatus !== 'COMPLETED') violations.push(`${email}: workflow ${enrollment.workflowId} is ${workflowStatus}`);
    const refusal = refused.get(email);
    if (refusal) {
      const tries = attemptsByRecipient.get(email)?.length ?? 0;
      if (tries !== 1) violations.push(`${email} (refused ${refusal.code}): ${tries} SMTP attempts, expected exactly 1`);
      if (received.length > 0) violations.push(`${email} (refused ${refusal.code}): ${received.length} messages accepted`);
      if (enrollment.status !== 'failed') violations.push(`${email} (refused ${refusal.code}): enrollment ${enrollment.status}, expected failed`);
      const [first, ...more] = rows;
      if (!first || first.emailStep !== 1 || first.status !== 'failed') {
        violations.push(`${email} (refused ${refusal.code}): step 1 is ${first ? `${first.status} (step ${first.emailStep})` : 'missing'}, expected failed`);
      } else if (!first.error?.includes(String(refusal.code)) || !first.error.includes(refusal.message)) {
        violations.push(`${email} (refused ${refusal.code}): error "${first.error}" lacks the server's reason`);
      }
      if (more.length > 0) violations.push(`${email} (refused ${refusal.code}): ${more.length} later steps written`);
      continue;
    }
    if (enrollment.status !== 'completed') {
      violations.push(`${email}: enrollment ${enrollment.status}${enrollment.stopReason ? ` (${enrollment.stopReason})` : ''}, expected completed`);
    }
    for (let step = 1; step <= result.emailSteps; step++) {
      const subject = result.subjectOf(email, step);
      const copies = received.filter((m) => m.subject === subject).length;
      if (copies !== 1) violations.push(`${email} received step ${step} ("${subject}") ${copies} times`);
      const stepRows = rows.filter((r) => r.emailStep === step);
      if (stepRows.length !== 1 || stepRows[0].status !== 'sent') {
        violations.push(`${email} step ${step}: outbox ${stepRows.map((r) => r.status).join(', ') || 'missing'}, expected sent`);
      }
    }
    if (received.length !== result.emailSteps) violations.push(`${email} received ${received.length} messages in all, expected ${result.emailSteps}`);
  }
  return violations;
}

/** One paragraph for logs and benchmark output. */
export function describeRun(result: ChaosCampaignResult): string {
  const count = <T>(items: readonly T[], key: (item: T) => string) =>
    JSON.stringify(Object.fromEntries([...groupBy(items, key)].map(([k, v]) => [k, v.length])));
  const refusals = result.attempts.filter((a) => a.answer !== 250).length;
  return [
    `seed ${result.seed}: ${result.prospects} prospects × ${result.emailSteps} emails in ${(result.runMs / 1000).toFixed(1)} s ` +
      `(setup ${(result.setupMs / 1000).toFixed(1)} s), worker started ${result.workerStarts === 1 ? 'once' : `${result.workerStarts} times`}`,
    `SMTP: ${result.attempts.length} attempts, ${refusals} refused, ${result.received.length} accepted`,
    `enrollments ${count(result.enrollments, (e) => e.status)}, outbox ${count(result.messages, (m) => m.status)}`,
    `timeline:\n  ${result.timeline.join('\n  ')}`,
  ].join('\n');
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
