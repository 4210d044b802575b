import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ComposedMessage, SendContext } from '@relance/db/repositories/outbox.repository';
import { withTracking } from './tracked-message';

const PUBLIC_URL = 'https://relance.test/';
const message = {
  id: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b',
  messageIdHeader: '<relance.6f1c2a9e@acme.test>',
  inReplyTo: null,
  references: [] as string[],
  fromAddress: 'sam@acme.test',
  toAddress: 'ada@prospect.test',
  subject: 'Hello',
  variant: 'A',
  bodyText: 'See https://acme.test/pricing, then https://acme.test/docs or https://acme.test/pricing.',
} as ComposedMessage;
const context = (tracking: SendContext['tracking']) => ({ tracking }) as SendContext;

describe('withTracking', () => {
  it('lists the distinct links and points at the public URL when the campaign tracks without a domain', () => {
    const tracked = withTracking(message, context({ enabled: true, domain: null }), PUBLIC_URL);
    assert.equal(tracked.trackingBaseUrl, 'https://relance.test');
    assert.deepEqual(tracked.trackedLinks, ['https://acme.test/pricing', 'https://acme.test/docs']);
    assert.equal(tracked.bodyText, message.bodyText, 'the body is kept as written');
  });

  it('points at the tracking domain over https when there is one', () => {
    const tracked = withTracking(message, context({ enabled: true, domain: 'track.acme.test' }), PUBLIC_URL);
    assert.equal(tracked.trackingBaseUrl, 'https://track.acme.test');
  });

  it('tracks nothing when the campaign does not', () => {
    const untracked = withTracking(message, context({ enabled: false, domain: 'track.acme.test' }), PUBLIC_URL);
    assert.deepEqual([untracked.trackingBaseUrl, untracked.trackedLinks], [null, []]);
  });
});
