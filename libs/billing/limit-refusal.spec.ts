import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@relance/errors';
import { refuseOverLimit } from './limit-refusal';
import { NO_PLAN, UNLIMITED_PLAN } from './plans';

const STARTER = { key: 'starter', name: 'Starter', limits: { mailboxes: 3, activeProspects: 100, monthlyEmails: null } };
const refusal = (run: () => void) => {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, 'plan_limit_reached');
    return error.message;
  }
  return null;
};

describe('plan limit refusals', () => {
  it('name the limit, the usage and the plan', () => {
    assert.equal(refusal(() => refuseOverLimit(STARTER, 'mailboxes', 3, 1)), 'Plan Starter allows 3 mailboxes; this account has 3');
    assert.equal(
      refusal(() => refuseOverLimit(STARTER, 'activeProspects', 90, 20)),
      'Plan Starter allows 100 active prospects; this account has 90 and this would add 20',
    );
  });

  it('let through what fits, and everything on an unlimited plan', () => {
    assert.equal(refusal(() => refuseOverLimit(STARTER, 'mailboxes', 2, 1)), null);
    assert.equal(refusal(() => refuseOverLimit(STARTER, 'activeProspects', 80, 20)), null);
    assert.equal(refusal(() => refuseOverLimit(UNLIMITED_PLAN, 'mailboxes', 1e6, 1)), null);
  });

  it('tell an account without a subscription to subscribe', () => {
    assert.equal(
      refusal(() => refuseOverLimit(NO_PLAN, 'mailboxes', 0, 1)),
      'This account has no subscription, so no plan allows 1 mailbox: subscribe to a plan first (POST /v1/billing/checkout)',
    );
  });
});
