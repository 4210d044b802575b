import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInboundMail } from '@relance/mail/inbound-mail';
import { BOUNCE_EFFECT, classifyInbound, type BounceReason } from '@relance/mail/classification';
import { BOUNCE_CORPUS } from './corpus';

describe('bounce corpus: each message read through InboundMail and classifyInbound', () => {
  for (const message of BOUNCE_CORPUS) {
    it(message.name, async () => {
      const result = classifyInbound(await parseInboundMail(1, message.raw));
      const { expected } = message;
      if (expected.kind === 'complaint') {
        assert.equal(result.kind, 'complaint');
        if (result.kind !== 'complaint') return;
        assert.equal(result.complaint.feedbackType, expected.feedbackType);
        assert.equal(result.complaint.originalMessageId, message.originalMessageId);
        return;
      }
      assert.equal(result.kind, 'bounce');
      if (result.kind !== 'bounce') return;
      const { verdict } = result.bounce;
      assert.deepEqual(
        { reason: verdict.reason, status: verdict.status, effect: verdict.effect },
        { reason: expected.reason, status: expected.status, effect: expected.effect },
        `diagnostic: ${verdict.diagnostic}`,
      );
      assert.equal(result.bounce.severity, expected.effect === 'suppress' ? 'hard' : 'soft');
      assert.equal(result.bounce.originalMessageId, message.originalMessageId);
    });
  }
});

describe('bounce corpus: coverage', () => {
  it('holds at least 150 messages with unique names', () => {
    assert.ok(BOUNCE_CORPUS.length >= 150, `${BOUNCE_CORPUS.length} messages`);
    assert.equal(new Set(BOUNCE_CORPUS.map((message) => message.name)).size, BOUNCE_CORPUS.length);
  });

  it('covers every reason of the taxonomy at least twice', () => {
    const counts = new Map<string, number>();
    for (const { expected } of BOUNCE_CORPUS) {
      if (expected.kind === 'bounce') counts.set(expected.reason, (counts.get(expected.reason) ?? 0) + 1);
    }
    const thin = (Object.keys(BOUNCE_EFFECT) as BounceReason[]).filter((reason) => (counts.get(reason) ?? 0) < 2);
    assert.deepEqual(thin, []);
  });

  it('never suppresses on a temporary status or a delay, across the corpus', async () => {
    const suppressed: string[] = [];
    for (const message of BOUNCE_CORPUS) {
      const result = classifyInbound(await parseInboundMail(1, message.raw));
      if (result.kind !== 'bounce') continue;
      const { verdict } = result.bounce;
      const temporary = verdict.status?.startsWith('4.') || verdict.action === 'delayed' || (verdict.smtpCode ?? 500) < 500;
      if (temporary && verdict.effect === 'suppress') suppressed.push(message.name);
    }
    assert.deepEqual(suppressed, []);
  });

  it('records for each message the effect the taxonomy gives its reason', () => {
    const wrong = BOUNCE_CORPUS.filter(({ expected }) => expected.kind === 'bounce' && BOUNCE_EFFECT[expected.reason] !== expected.effect);
    assert.deepEqual(wrong.map((message) => message.name), []);
  });
});
