import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { classifyBounce, type BounceEvidence } from './bounce-classifier';

const read = (evidence: Partial<BounceEvidence>) =>
  classifyBounce({ action: 'failed', status: null, diagnostic: null, ...evidence });

describe('classifyBounce — status', () => {
  it('refines a generic status from the code the diagnostic names, keeping the raw one beside it', () => {
    const verdict = read({ status: '5.0.0', diagnostic: '552 5.2.2 <jane@prospect.example>: mailbox full' });
    assert.deepEqual([verdict.reason, verdict.rawStatus, verdict.status, verdict.smtpCode], ['mailbox_full', '5.0.0', '5.2.2', 552]);
  });

  it('refines x.y.0 within its subject, and keeps a precise status the diagnostic contradicts', () => {
    assert.equal(read({ status: '5.1.0', diagnostic: '550 5.1.1 user unknown' }).status, '5.1.1');
    assert.equal(read({ status: '5.7.1', diagnostic: '550 5.1.1 user unknown' }).status, '5.7.1');
  });

  it("keeps the reporter's class: a generic 4.0.0 stays temporary whatever the remote said", () => {
    const verdict = read({ action: 'delayed', status: '4.0.0', diagnostic: '550 5.1.1 User unknown' });
    assert.deepEqual([verdict.status, verdict.reason, verdict.effect], ['4.1.1', 'temporary_failure', 'retry']);
  });

  it('takes the status from the diagnostic when none is given, and invents none', () => {
    assert.equal(read({ diagnostic: '550 5.7.1 Relay access denied' }).status, '5.7.1');
    assert.deepEqual([read({ diagnostic: '550 Requested action not taken' }).status, read({}).status], [null, null]);
  });
});

describe('classifyBounce — reason', () => {
  it('prefers the wording to a loosely used code (Office 365 5.1.10 is an unknown recipient, not a null MX)', () => {
    assert.equal(read({ status: '5.1.10', diagnostic: '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found' }).reason, 'user_unknown');
    assert.equal(read({ status: '5.1.10', diagnostic: '556 5.1.10 no such thing here' }).reason, 'no_mail_accepted');
  });

  it('reads what the sender is blamed for before the words about the recipient', () => {
    assert.equal(read({ status: '5.1.8', diagnostic: '553 5.1.8 <paul@seller.example>: Sender address rejected: Domain not found' }).reason, 'sender_rejected');
    assert.equal(read({ status: '5.7.1', diagnostic: '554 5.7.1 Client host [198.51.100.4] blocked using zen.spamhaus.org' }).reason, 'blocked_blacklist');
  });

  it('falls back on the status, then the prose, then the reply code', () => {
    assert.equal(read({ status: '5.2.2', diagnostic: '552 no room' }).reason, 'mailbox_full');
    assert.equal(read({ diagnostic: null, wording: 'Your message was refused: mailbox is full.' }).reason, 'mailbox_full');
    assert.equal(read({ diagnostic: '551 please try elsewhere' }).reason, 'address_moved');
  });

  it("reads the notices' own words when the fields say nothing (Gmail, Exchange)", () => {
    const gmail = "Your message wasn't delivered to jane@prospect.example because the address couldn't be found.";
    assert.equal(read({ status: '5.0.0', diagnostic: '550 Rejected', wording: gmail }).reason, 'user_unknown');
    assert.equal(read({ wording: "jane wasn't found at prospect.example." }).reason, 'user_unknown');
    assert.equal(read({ wording: "Your message to jane@prospect.example couldn't be delivered." }).reason, 'unknown');
  });

  it('says unknown, with no effect, when nothing names a reason: never a hard bounce by default', () => {
    for (const evidence of [{}, { diagnostic: '550 Message rejected' }, { status: '5.0.0' }, { wording: 'Delivery failed.' }]) {
      const verdict = read(evidence);
      assert.deepEqual([verdict.reason, verdict.effect], ['unknown', 'none'], JSON.stringify(evidence));
    }
  });

  it('never suppresses on a temporary status, a 4xx reply or a delay', () => {
    for (const evidence of [
      { status: '4.1.1', diagnostic: '450 4.1.1 User unknown' },
      { diagnostic: '450 User unknown' },
      { action: 'delayed', diagnostic: 'Host or domain name not found' },
    ]) {
      const verdict = read(evidence);
      assert.deepEqual([verdict.reason, verdict.effect], ['temporary_failure', 'retry'], JSON.stringify(evidence));
    }
    assert.equal(read({ action: 'delayed' }).reason, 'temporary_failure');
  });

  it('reads a multi-line reply whose continuation prefixes cut the sentence', () => {
    const gmail = '421-4.7.28 Our system has detected an unusual rate of 421-4.7.28 unsolicited mail originating from your IP address.';
    assert.equal(read({ action: 'delayed', status: '4.7.28', diagnostic: gmail }).reason, 'blocked_reputation');
  });

  it('reads the action: failed or delayed as given, else from the class of the status', () => {
    assert.equal(read({ action: 'delayed', status: '4.2.2' }).action, 'delayed');
    assert.equal(read({ action: null, status: '4.2.2' }).action, 'delayed');
    assert.equal(read({ action: null, status: '5.1.1' }).action, 'failed');
    assert.equal(read({ action: 'relayed', status: '2.0.0' }).action, null);
  });
});
