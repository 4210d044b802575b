import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as bundle from '../../workflows';
import { withBounceRate } from './operations-summary';
import { LONG_LIVED_TYPES, temporalUiLink, visibilityStatusName, WORKFLOW_TYPES } from './workflow-overview';

describe('operations summary helpers', () => {
  it("names statuses as visibility does, so lists and counts agree", () => {
    assert.deepEqual(
      ['RUNNING', 'COMPLETED', 'FAILED', 'TIMED_OUT', 'CONTINUED_AS_NEW', 'TERMINATED', 'CANCELLED'].map(visibilityStatusName),
      ['Running', 'Completed', 'Failed', 'TimedOut', 'ContinuedAsNew', 'Terminated', 'Cancelled'],
    );
  });

  it("links a run into the Temporal Web UI, escaping the id, and gives none without a UI", () => {
    assert.equal(
      temporalUiLink('http://127.0.0.1:8233/', 'my ns', 'enrollment:42', 'run-1'),
      'http://127.0.0.1:8233/namespaces/my%20ns/workflows/enrollment%3A42/run-1/history',
    );
    assert.equal(temporalUiLink(undefined, 'default', 'w', 'r'), null);
  });

  it('computes the bounce rate per day, none on a day without sends', () => {
    const day = { day: '2026-12-01', sent: 8, replies: 1, autoReplies: 0, bounces: 1, complaints: 0 };
    assert.equal(withBounceRate(day).bounceRate, 0.125);
    assert.equal(withBounceRate({ ...day, sent: 3 }).bounceRate, 0.333);
    assert.equal(withBounceRate({ ...day, sent: 0, bounces: 0 }).bounceRate, null);
  });

  it('knows every type of the bundle, and which of them live long by design', () => {
    assert.deepEqual([...WORKFLOW_TYPES].sort(), Object.keys(bundle).sort(), 'the types of workflows/index.ts');
    for (const type of LONG_LIVED_TYPES) assert.ok((WORKFLOW_TYPES as readonly string[]).includes(type), type);
  });
});
