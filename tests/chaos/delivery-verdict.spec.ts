import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChaosCampaignResult } from './chaos-campaign';
import type { ChaosMessageRow } from './chaos-evidence';
import { stepSubject } from './chaos-setup';
import { deliveryViolations } from './delivery-verdict';

const EMAILS = ['p0@x.test', 'p1@x.test'];
const REFUSAL = { code: 550, message: '5.1.1 Mailbox does not exist' };

/** A clean run of 2 prospects × 2 steps, which tests then break one way at a time. */
function cleanRun(): ChaosCampaignResult & { messages: ChaosMessageRow[] } {
  const enrollments = EMAILS.map((email, i) => ({ id: `e${i}`, email, status: 'completed', stopReason: null, workflowId: `w${i}` }));
  const messages = EMAILS.flatMap((email, i) =>
    [1, 2].map((step) => ({ enrollmentId: `e${i}`, email, emailStep: step, status: 'sent', error: null, messageIdHeader: `<m${i}.${step}@x>` })),
  );
  return {
    seed: 1,
    prospects: 2,
    emailSteps: 2,
    emails: EMAILS,
    subjectOf: stepSubject,
    enrollments,
    messages,
    received: messages.map((m) => ({ recipient: m.email, messageId: m.messageIdHeader, subject: stepSubject(m.email, m.emailStep) })),
    attempts: messages.map((m) => ({ recipient: m.email, attempt: m.emailStep, answer: 250 })),
    workflows: new Map(enrollments.map((e) => [e.workflowId, 'COMPLETED'])),
    workerStarts: 1,
    timeline: [],
    setupMs: 0,
    runMs: 0,
  };
}

describe('deliveryViolations', () => {
  it('finds nothing wrong with a clean run', () => {
    assert.deepEqual(deliveryViolations(cleanRun()), []);
  });

  it('reports a message received twice, by Message-ID and by recipient and subject', () => {
    const run = cleanRun();
    const violations = deliveryViolations({ ...run, received: [...run.received, run.received[0]] });
    assert.ok(violations.some((v) => v.includes('<m0.1@x> received 2 times')), violations.join('\n'));
    assert.ok(violations.some((v) => v.includes('p0@x.test received step 1') && v.includes('2 times')), violations.join('\n'));
  });

  it('reports the same step sent twice under two Message-IDs', () => {
    const run = cleanRun();
    const again = { ...run.received[0], messageId: '<other@x>' };
    const violations = deliveryViolations({ ...run, received: [...run.received, again] });
    assert.ok(violations.some((v) => v.includes('p0@x.test received step 1') && v.includes('2 times')), violations.join('\n'));
    assert.ok(violations.some((v) => v.includes('no outbox row knows')), violations.join('\n'));
  });

  it('reports a lost step, a row left sending or unknown, an enrollment or workflow not completed', () => {
    const run = cleanRun();
    run.messages[1] = { ...run.messages[1], status: 'sending' };
    run.messages[3] = { ...run.messages[3], status: 'unknown', error: 'timeout' };
    const violations = deliveryViolations({
      ...run,
      received: run.received.slice(1),
      enrollments: [run.enrollments[0], { ...run.enrollments[1], status: 'active' }],
      workflows: new Map([['w0', 'COMPLETED'], ['w1', 'RUNNING']]),
    });
    for (const expected of ["step 2 stayed 'sending'", "step 2 ended 'unknown'", 'p0@x.test received step 1', 'enrollment active', 'w1 is RUNNING']) {
      assert.ok(violations.some((v) => v.includes(expected)), `missing "${expected}" in:\n${violations.join('\n')}`);
    }
  });

  it('holds a refused recipient to one attempt, a failed row with the reason, a failed enrollment', () => {
    const run = cleanRun();
    const refusedRun: ChaosCampaignResult = {
      ...run,
      enrollments: [run.enrollments[0], { ...run.enrollments[1], status: 'failed' }],
      messages: [...run.messages.slice(0, 2), { ...run.messages[2], status: 'failed', error: `rejected: 550 ${REFUSAL.message}` }],
      received: run.received.slice(0, 2),
      attempts: [...run.attempts.slice(0, 2), { recipient: EMAILS[1], attempt: 1, answer: 550 }],
    };
    const refused = new Map([[EMAILS[1], REFUSAL]]);
    assert.deepEqual(deliveryViolations(refusedRun, { refused }), []);

    const retried = { ...refusedRun, attempts: [...refusedRun.attempts, { recipient: EMAILS[1], attempt: 2, answer: 550 }] };
    assert.ok(deliveryViolations(retried, { refused }).some((v) => v.includes('2 SMTP attempts')));
    const reasonLost = { ...refusedRun, messages: refusedRun.messages.map((m) => (m.status === 'failed' ? { ...m, error: 'failed' } : m)) };
    assert.ok(deliveryViolations(reasonLost, { refused }).some((v) => v.includes("lacks the server's reason")));
  });
});
