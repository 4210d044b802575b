import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  campaignControlWorkflowId, campaignLaunchWorkflowId, ENROLLMENT_WORKFLOW_ID_PREFIX, enrollmentWorkflowId,
  mailboxEnabledWorkflowId, mailboxSyncWorkflowId, softBounceResendWorkflowId,
} from './workflow-ids';

const builders = {
  'campaign-launch': campaignLaunchWorkflowId,
  enrollment: enrollmentWorkflowId,
  'mailbox-sync': mailboxSyncWorkflowId,
};

describe('workflow ids', () => {
  for (const [kind, build] of Object.entries(builders)) {
    it(`${kind}: is "${kind}:<id>", the same every time`, () => {
      const id = randomUUID();
      assert.equal(build(id), `${kind}:${id}`);
      assert.equal(build(id), build(id));
      assert.notEqual(build(id), build(randomUUID()));
    });

    it(`${kind}: holds no "@" for a row id`, () => {
      for (let i = 0; i < 20; i += 1) assert.equal(build(randomUUID()).includes('@'), false);
    });
  }

  it('enrollment ids are the exported prefix followed by the id (SQL builds them as prefix || id)', () => {
    const id = randomUUID();
    assert.equal(ENROLLMENT_WORKFLOW_ID_PREFIX + id, enrollmentWorkflowId(id));
  });

  it('never gives two kinds of workflow the same id for the same row id', () => {
    const id = randomUUID();
    const ids = Object.values(builders).map((build) => build(id));
    assert.equal(new Set(ids).size, ids.length);
  });
});

describe('workflow ids refuse personal data', () => {
  for (const bad of ['jane@acme.com', 'Jane Doe', '', 'a'.repeat(65)]) {
    it(`refuses ${JSON.stringify(bad.slice(0, 20))}`, () => {
      assert.throws(() => enrollmentWorkflowId(bad), TypeError);
      assert.throws(() => mailboxSyncWorkflowId(bad), TypeError);
      assert.throws(() => campaignLaunchWorkflowId(bad), TypeError);
    });
  }

  it('a soft-bounce resend is one workflow per (email, attempt), and only for a positive attempt', () => {
    const id = randomUUID();
    assert.equal(softBounceResendWorkflowId(id, 2), `soft-bounce-resend:${id}:2`);
    assert.notEqual(softBounceResendWorkflowId(id, 1), softBounceResendWorkflowId(id, 2));
    assert.throws(() => softBounceResendWorkflowId(id, 0), /positive integer, not 0/);
    assert.throws(() => softBounceResendWorkflowId('jane@prospect.example', 1), TypeError);
  });

  it("waking a mailbox's held sends is one workflow per (mailbox, campaign), apart from the campaign's own control", () => {
    const [mailboxId, campaignId] = [randomUUID(), randomUUID()];
    assert.equal(mailboxEnabledWorkflowId(mailboxId, campaignId), `mailbox-enabled:${mailboxId}:${campaignId}`);
    assert.notEqual(mailboxEnabledWorkflowId(mailboxId, campaignId), campaignControlWorkflowId(campaignId));
    assert.throws(() => mailboxEnabledWorkflowId(mailboxId, 'jane@prospect.example'), TypeError);
    assert.throws(() => mailboxEnabledWorkflowId('Jane Doe', campaignId), TypeError);
  });
});
