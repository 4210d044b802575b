import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaughtEmail } from '@relance/devservices';
import { DomainError } from '@relance/errors';
import { classifyInbound } from '@relance/mail/classification';
import { parseInboundMail } from '@relance/mail/inbound-mail';
import { composeProspectReply, DEFAULT_REPLY_TEXT, renderReply } from './prospect-reply';

const DEMO = 'rep@demo.relance.test';
const now = new Date('2026-03-02T10:00:00Z'); // a Monday

const caught: CaughtEmail = {
  id: '1772445600000-3b0f8a52-1c1e-4d8e-9a57-6f1f0f0d2a11',
  receivedAt: new Date('2026-03-02T09:30:00Z'),
  from: { address: DEMO, name: 'Demo Rep' },
  to: ['ada@prospect.example'],
  subject: 'Quick question, Ada',
  text: 'Hi Ada,\n\nHow is Analytical Engines?\n',
  messageId: '<relance.m2@demo.relance.test>',
  references: ['<relance.m1@demo.relance.test>'],
};

async function classified(raw: Buffer) {
  return classifyInbound(await parseInboundMail(1, raw));
}

describe('composeProspectReply', () => {
  it('answers as the recipient, threaded on the caught email, the original quoted', async () => {
    const reply = composeProspectReply(caught, { kind: 'reply', text: 'Yes, call me.' }, DEMO, now);
    assert.equal(reply.from, 'ada@prospect.example');
    assert.equal(reply.to, DEMO);
    assert.equal(reply.mail.subject, 'Re: Quick question, Ada');
    assert.equal(reply.mail.inReplyTo, '<relance.m2@demo.relance.test>');
    assert.deepEqual(reply.mail.references, ['<relance.m1@demo.relance.test>', '<relance.m2@demo.relance.test>']);
    assert.equal(
      reply.mail.text,
      'Yes, call me.\n\nOn Mon 2 Mar 2026 at 09:30 UTC, rep@demo.relance.test wrote:\n> Hi Ada,\n>\n> How is Analytical Engines?\n',
    );
    const raw = await renderReply(reply);
    assert.deepEqual(await classified(raw), { kind: 'reply' });
    assert.match(raw.toString(), /^In-Reply-To: <relance\.m2@demo\.relance\.test>\r$/m);
  });

  it('keeps a subject that already starts with Re:, and writes something when given no words', () => {
    const reply = composeProspectReply({ ...caught, subject: 'RE: Following up' }, { kind: 'reply', text: '  ' }, DEMO, now);
    assert.equal(reply.mail.subject, 'RE: Following up');
    assert.ok(String(reply.mail.text).startsWith(`${DEFAULT_REPLY_TEXT}\n`));
  });

  it('writes an out-of-office reply Relance reads as an auto-reply with the return date', async () => {
    const reply = composeProspectReply(caught, { kind: 'out_of_office' }, DEMO, now);
    assert.equal(reply.mail.subject, 'Automatic reply: Quick question, Ada');
    assert.match(String(reply.mail.text), /back on Thursday 5 March 2026/);
    const verdict = await classified(await renderReply(reply));
    assert.equal(verdict.kind, 'auto_reply');
    assert.equal(verdict.kind === 'auto_reply' && verdict.reason, 'auto_submitted');
    assert.equal(verdict.kind === 'auto_reply' && verdict.returnDate?.toISOString(), '2026-03-05T09:00:00.000Z');
  });

  it('refuses an email the demo mailbox did not send, or one without a recipient, saying why', () => {
    const foreign = { ...caught, from: { address: 'someone@else.example', name: '' } };
    assert.throws(
      () => composeProspectReply(foreign, { kind: 'reply' }, DEMO, now),
      (error: unknown) => error instanceof DomainError && error.code === 'conflict' && /not sent from the demo mailbox/.test(error.message),
    );
    assert.throws(
      () => composeProspectReply({ ...caught, to: [] }, { kind: 'reply' }, DEMO, now),
      (error: unknown) => error instanceof DomainError && /names no recipient/.test(error.message),
    );
  });

  it('refuses a reply text longer than 10,000 characters, naming the field', () => {
    assert.throws(
      () => composeProspectReply(caught, { kind: 'reply', text: 'x'.repeat(10_001) }, DEMO, now),
      (error: unknown) => error instanceof DomainError && error.code === 'validation_failed' && error.field === 'text',
    );
  });
});
