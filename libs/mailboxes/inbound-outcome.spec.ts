import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { InboundMail } from '@relance/mail/inbound-mail';
import { bounceVerdict, type BounceRecipient, type BounceReport } from '@relance/mail/classification';
import type { BounceReason, BounceVerdict } from '@relance/mail/classification/bounce-reasons';
import { decisiveRecipient, inboundOutcome, matchingMessageIds, separateQuoted } from './inbound-outcome';

const NOW = new Date('2026-12-02T10:00:00Z');
const DAY = 86_400_000;
const context = {
  now: NOW,
  defaultPauseMs: 7 * DAY,
  softBounceResend: { afterMs: DAY, maxResends: 2 },
  senderProblem: { afterMs: 2 * DAY, maxResends: 1, pauseAfter: 3, pauseWindowMs: DAY },
};

function mail(overrides: Partial<InboundMail> = {}): InboundMail {
  return {
    uid: 1, messageId: '<in@prospect.example>', inReplyTo: [], references: [], from: null, to: [], subject: '',
    date: NOW, text: '', headers: {}, attachedMessageIds: [], deliveryStatus: null, feedbackReport: null, ...overrides,
  };
}

function recipient(action: string, status: string, diagnostic: string | null = null): BounceRecipient {
  const verdict = bounceVerdict('unknown', { rawStatus: status, status, smtpCode: null, diagnostic, action: null });
  return { finalRecipient: 'jane@prospect.example', originalRecipient: null, action, status, diagnostic, remoteMta: null, verdict };
}

function report(recipients: BounceRecipient[], overrides: Partial<BounceReport> = {}): BounceReport {
  const verdict = recipients[0]?.verdict ?? bounceVerdict('unknown', { rawStatus: null, status: null, smtpCode: null, diagnostic: null, action: null });
  return { recipients, originalMessageId: null, verdict, severity: 'hard', source: 'dsn', ...overrides };
}

/** A report as the classifier hands it over: its verdict names the reason. */
function judged(reason: BounceReason, fields: Partial<Omit<BounceVerdict, 'reason' | 'effect'>> = {}): BounceReport {
  const verdict = bounceVerdict(reason, { rawStatus: null, status: null, smtpCode: null, diagnostic: null, action: 'failed', ...fields });
  return report([recipient(verdict.action ?? 'failed', verdict.status ?? '5.0.0', verdict.diagnostic)], { verdict });
}

describe('inboundOutcome', () => {
  it('holds the next email until the return date an auto-reply gives', () => {
    const back = new Date('2026-12-07T09:00:00Z');
    assert.deepEqual(inboundOutcome(mail(), { kind: 'auto_reply', returnDate: back, reason: 'auto_submitted' }, context), {
      kind: 'auto_reply', returnDate: back, pauseUntil: back,
    });
  });

  it('holds it for the default pause from the arrival when no date is given', () => {
    const arrived = new Date(NOW.getTime() - DAY);
    const outcome = inboundOutcome(mail({ date: arrived }), { kind: 'auto_reply', returnDate: null, reason: 'subject' }, context);
    assert.deepEqual(outcome, { kind: 'auto_reply', returnDate: null, pauseUntil: new Date(arrived.getTime() + 7 * DAY) });
  });

  it('holds nothing but ends the sequences when the notice says the person left the company', () => {
    const outcome = inboundOutcome(mail(), { kind: 'auto_reply', returnDate: null, reason: 'left_company' }, context);
    assert.deepEqual(outcome, { kind: 'auto_reply', returnDate: null, pauseUntil: null, leftCompany: true });
  });

  it('counts a Date header from the future, or none, from now', () => {
    const future = inboundOutcome(mail({ date: new Date(NOW.getTime() + 30 * DAY) }), { kind: 'auto_reply', returnDate: null, reason: 'subject' }, context);
    const undated = inboundOutcome(mail({ date: null }), { kind: 'auto_reply', returnDate: null, reason: 'subject' }, context);
    for (const outcome of [future, undated]) {
      assert.deepEqual(outcome, { kind: 'auto_reply', returnDate: null, pauseUntil: new Date(NOW.getTime() + 7 * DAY) });
    }
  });

  it('holds nothing once the pause is over, without a default, or for a read receipt or a delivery notice', () => {
    const past = new Date(NOW.getTime() - DAY);
    const cases = [
      inboundOutcome(mail(), { kind: 'auto_reply', returnDate: past, reason: 'auto_submitted' }, context),
      inboundOutcome(mail({ date: new Date(NOW.getTime() - 8 * DAY) }), { kind: 'auto_reply', returnDate: null, reason: 'subject' }, context),
      inboundOutcome(mail(), { kind: 'auto_reply', returnDate: null, reason: 'subject' }, { ...context, defaultPauseMs: 0 }),
      inboundOutcome(mail(), { kind: 'auto_reply', returnDate: null, reason: 'read_receipt' }, context),
      inboundOutcome(mail(), { kind: 'auto_reply', returnDate: null, reason: 'delivery_notification' }, context),
    ];
    assert.deepEqual(cases.map((outcome) => outcome.kind === 'auto_reply' && outcome.pauseUntil), [null, null, null, null, null]);
  });

  it('suppresses by the reason, keeping the raw status apart when the refined one differs', () => {
    const gone = judged('user_unknown', { rawStatus: '5.0.0', status: '5.1.1', diagnostic: '550 5.1.1 User unknown' });
    assert.deepEqual(inboundOutcome(mail(), { kind: 'bounce', bounce: gone }, context), {
      kind: 'bounce', reason: 'user_unknown', effect: 'suppress', status: '5.1.1', rawStatus: '5.0.0',
      diagnostic: '550 5.1.1 User unknown', resend: null, mailboxPause: null,
    });
  });

  it('plans a resend for a temporary failure the remote server gave up on, not for a delay', () => {
    const full = judged('mailbox_full', { rawStatus: '5.2.2', status: '5.2.2', diagnostic: '552 5.2.2 Mailbox full' });
    assert.deepEqual(inboundOutcome(mail(), { kind: 'bounce', bounce: full }, context), {
      kind: 'bounce', reason: 'mailbox_full', effect: 'retry', status: '5.2.2', rawStatus: null,
      diagnostic: '552 5.2.2 Mailbox full', resend: { at: new Date(NOW.getTime() + DAY), maxResends: 2 }, mailboxPause: null,
    });
    const delayed = judged('expired_in_queue', { rawStatus: '4.4.7', status: '4.4.7', action: 'delayed' });
    const outcome = inboundOutcome(mail(), { kind: 'bounce', bounce: delayed }, context);
    assert.equal(outcome.kind === 'bounce' && outcome.resend, null, 'a delay: the remote server still tries');
  });

  it('never suppresses a refusal of the sender: a later resend on its own terms, and the mailbox counts it', () => {
    const blocked = judged('blocked_reputation', { rawStatus: '5.7.1', status: '5.7.1', diagnostic: '554 5.7.1 Service unavailable; client host blocked' });
    assert.deepEqual(inboundOutcome(mail(), { kind: 'bounce', bounce: blocked }, context), {
      kind: 'bounce', reason: 'blocked_reputation', effect: 'sender_problem', status: '5.7.1', rawStatus: null,
      diagnostic: '554 5.7.1 Service unavailable; client host blocked',
      resend: { at: new Date(NOW.getTime() + 2 * DAY), maxResends: 1 }, mailboxPause: { pauseAfter: 3, windowMs: DAY },
    });
    const deferred = judged('blocked_reputation', { rawStatus: '4.7.0', status: '4.7.0', action: 'delayed' });
    const outcome = inboundOutcome(mail(), { kind: 'bounce', bounce: deferred }, context);
    assert.ok(outcome.kind === 'bounce');
    assert.deepEqual([outcome.effect, outcome.resend, outcome.mailboxPause], ['sender_problem', null, null], 'a deferral is not a refusal yet');
  });

  it('stops nothing for a reason it cannot read, whatever its first digit or old severity says', () => {
    const unknown = inboundOutcome(mail(), { kind: 'bounce', bounce: judged('unknown', { rawStatus: '5.0.0', status: '5.0.0' }) }, context);
    const unjudged = inboundOutcome(mail(), { kind: 'bounce', bounce: report([recipient('failed', '5.0.0', '550 rejected')]) }, context);
    for (const outcome of [unknown, unjudged]) {
      assert.ok(outcome.kind === 'bounce');
      assert.deepEqual([outcome.reason, outcome.effect, outcome.resend, outcome.status], ['unknown', 'none', null, '5.0.0']);
    }
  });

  it('passes a reply through', () => {
    assert.deepEqual(inboundOutcome(mail(), { kind: 'reply' }, context), { kind: 'reply' });
  });
});

describe('decisiveRecipient', () => {
  it('prefers a failure, then a delay', () => {
    assert.equal(decisiveRecipient(report([recipient('delayed', '4.4.1'), recipient('failed', '5.2.1')]))?.status, '5.2.1');
    assert.equal(decisiveRecipient(report([recipient('delayed', '4.4.1'), recipient('failed', '4.2.2')]))?.status, '4.2.2');
    assert.equal(decisiveRecipient(report([recipient('relayed', '2.0.0'), recipient('delayed', '4.4.7')]))?.status, '4.4.7');
    assert.equal(decisiveRecipient(report([])), null);
  });
});

describe('matchingMessageIds', () => {
  const threaded = { inReplyTo: ['<parent@seller.example>'], references: ['<root@seller.example>', '<parent@seller.example>'] };

  it('matches replies and auto-replies by In-Reply-To, then References newest first', () => {
    assert.deepEqual(matchingMessageIds(mail(threaded), { kind: 'reply' }), ['<parent@seller.example>', '<root@seller.example>']);
  });

  it('matches a complaint by the message it reports first, then its attachments, then its thread', () => {
    const complaint = { feedbackType: 'abuse', originalMessageId: '<relance.c1@seller.example>', originalRecipient: null, reportingMta: null };
    const ids = matchingMessageIds(mail({ ...threaded, attachedMessageIds: ['<relance.c1@seller.example>'] }), { kind: 'complaint', complaint });
    assert.deepEqual(ids, ['<relance.c1@seller.example>', '<parent@seller.example>', '<root@seller.example>']);
  });

  it('turns a complaint into its outcome, with its feedback type', () => {
    const complaint = { feedbackType: 'abuse', originalMessageId: null, originalRecipient: null, reportingMta: null };
    assert.deepEqual(inboundOutcome(mail(), { kind: 'complaint', complaint }, context), { kind: 'complaint', feedbackType: 'abuse' });
  });

  it('matches a bounce by the message it returns first, then its attachments, then its thread', () => {
    const bounce = report([recipient('failed', '5.1.1')], { originalMessageId: '<relance.o1@Seller.Example>' });
    const ids = matchingMessageIds(mail({ ...threaded, attachedMessageIds: ['<relance.o1@seller.example>', '<relance.o2@seller.example>'] }), {
      kind: 'bounce',
      bounce,
    });
    assert.deepEqual(ids, ['<relance.o1@seller.example>', '<relance.o2@seller.example>', '<parent@seller.example>', '<root@seller.example>']);
  });
});

describe('separateQuoted', () => {
  it('keeps what the sender wrote, signature included, apart from the quoted history', () => {
    const text = ['Thursday works.', '', '-- ', 'Jane Prospect', '+33 1 23 45 67 89', '', 'On Tue, 1 Dec 2026, Paul wrote:', '> Shall we talk?'].join('\n');
    assert.deepEqual(separateQuoted(text), {
      bodyText: 'Thursday works.\n\nJane Prospect\n+33 1 23 45 67 89',
      quotedText: 'On Tue, 1 Dec 2026, Paul wrote:\n> Shall we talk?',
    });
  });

  it('has no quoted text when nothing was quoted', () => {
    assert.deepEqual(separateQuoted('Yes, call me.'), { bodyText: 'Yes, call me.', quotedText: null });
  });
});
