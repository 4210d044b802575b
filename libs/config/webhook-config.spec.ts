import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config';
import { problemsOf, requiredEnv } from './config-spec-env';

describe('configuration of outbound webhooks', () => {
  it('defaults: 10 s per POST, retried from 5 s doubling up to 6 h apart for 3 days, disabled after 10 failed deliveries', () => {
    assert.deepEqual(loadConfig(requiredEnv()).webhooks, {
      attemptTimeoutMs: 10_000, retryInitialMs: 5_000, retryMaxIntervalMs: 6 * 3_600_000, retryForMs: 3 * 86_400_000, disableAfterFailures: 10,
    });
  });

  it('maps every variable', () => {
    const { webhooks } = loadConfig({
      ...requiredEnv(),
      WEBHOOK_ATTEMPT_TIMEOUT: '2s', WEBHOOK_RETRY_INITIAL: '200ms', WEBHOOK_RETRY_MAX_INTERVAL: '1s', WEBHOOK_RETRY_FOR: '30s', WEBHOOK_DISABLE_AFTER: '3',
    });
    assert.deepEqual(webhooks, { attemptTimeoutMs: 2_000, retryInitialMs: 200, retryMaxIntervalMs: 1_000, retryForMs: 30_000, disableAfterFailures: 3 });
  });

  it('never retries sooner apart than the first retry', () => {
    const { webhooks } = loadConfig({ ...requiredEnv(), WEBHOOK_RETRY_INITIAL: '10s', WEBHOOK_RETRY_MAX_INTERVAL: '1s' });
    assert.equal(webhooks.retryMaxIntervalMs, 10_000);
  });

  it('names the variable of a bad value', () => {
    assert.match(problemsOf({ ...requiredEnv(), WEBHOOK_RETRY_FOR: 'soon' }).join('\n'), /WEBHOOK_RETRY_FOR/);
    assert.match(problemsOf({ ...requiredEnv(), WEBHOOK_DISABLE_AFTER: '0' }).join('\n'), /WEBHOOK_DISABLE_AFTER/);
    assert.match(problemsOf({ ...requiredEnv(), WEBHOOK_ATTEMPT_TIMEOUT: '1ms' }).join('\n'), /WEBHOOK_ATTEMPT_TIMEOUT must be at least 100 ms/);
  });
});
