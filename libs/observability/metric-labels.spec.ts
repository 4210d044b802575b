import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeLabel, metricsCallAllowed } from './metric-labels';

describe('codeLabel', () => {
  it('keeps short snake_case codes and turns anything else into other', () => {
    for (const code of ['sent', 'prospect_replied', 'enrollment_completed', 'hard_bounce', 'mail_sync']) assert.equal(codeLabel(code), code);
    for (const text of [undefined, null, '', 'Refused: <ada@x.com>', '550 5.1.1 user unknown', 'template_error: unknown variable', 'a'.repeat(49), 'Sent']) {
      assert.equal(codeLabel(text), 'other', String(text));
    }
  });
});

describe('metricsCallAllowed', () => {
  it('lets anyone in without a token, and only the bearer of the token with one', () => {
    assert.equal(metricsCallAllowed(null, undefined), true);
    const token = 'metrics-token-0123456789';
    assert.equal(metricsCallAllowed(token, `Bearer ${token}`), true);
    assert.equal(metricsCallAllowed(token, `bearer ${token} `), true);
    for (const header of [undefined, '', token, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`, 'Bearer ']) {
      assert.equal(metricsCallAllowed(token, header), false, String(header));
    }
  });
});
