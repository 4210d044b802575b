import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bounceFromText, inlineOriginalMessageId } from './bounce-text';

const lines = (...text: string[]) => text.join('\n');

describe('bounceFromText', () => {
  it('reads a qmail-style failure notice', () => {
    const report = bounceFromText({
      subject: 'failure notice',
      text: lines(
        'Hi. This is the qmail-send program at mail.prospect.example.',
        "I'm afraid I wasn't able to deliver your message to the following addresses.",
        'This is a permanent error; I\'ve given up. Sorry it didn\'t work out.',
        '',
        '<left.company@prospect.example>:',
        '192.0.2.25 does not like recipient.',
        'Remote host said: 550 5.1.1 No such user here',
        'Giving up on 192.0.2.25.',
      ),
      failedRecipients: [],
      originalMessageId: null,
    });
    const verdict = {
      reason: 'user_unknown',
      effect: 'suppress',
      rawStatus: '5.1.1',
      status: '5.1.1',
      smtpCode: 550,
      diagnostic: 'Remote host said: 550 5.1.1 No such user here',
      action: 'failed',
    };
    assert.deepEqual(report, {
      recipients: [
        {
          finalRecipient: 'left.company@prospect.example',
          originalRecipient: null,
          action: 'failed',
          status: '5.1.1',
          diagnostic: 'Remote host said: 550 5.1.1 No such user here',
          remoteMta: null,
          verdict,
        },
      ],
      originalMessageId: null,
      verdict,
      severity: 'hard',
      source: 'text',
    });
  });

  // "550 mailbox unavailable" is also what servers answer for a policy refusal: no reason, no suppression.
  it('reads an Exchange-style French notice with only a reply code, assuming nothing from it', () => {
    const report = bounceFromText({
      subject: 'Non remis : Question rapide',
      text: lines('Votre message n\'a pas pu être remis à :', '', 'jeanne@prospect.example', "Le serveur a répondu : 550 Requested action not taken: mailbox unavailable"),
      failedRecipients: [],
      originalMessageId: '<relance.o2@seller.example>',
    });
    assert.equal(report?.severity, 'soft');
    assert.equal(report?.recipients[0].status, null);
    assert.deepEqual([report?.verdict.reason, report?.verdict.effect, report?.verdict.smtpCode], ['unknown', 'none', 550]);
    assert.equal(report?.recipients[0].finalRecipient, 'jeanne@prospect.example');
    assert.equal(report?.originalMessageId, '<relance.o2@seller.example>');
  });

  it('reads a temporary failure the server keeps retrying as a soft delay', () => {
    const report = bounceFromText({
      subject: 'Warning: message 1jX3 delayed 24 hours',
      text: lines('This message has not yet been delivered.', 'full@prospect.example: 452 4.2.2 Mailbox full', 'The server will keep trying for 4 more days.'),
      failedRecipients: [],
      originalMessageId: null,
    });
    assert.equal(report?.severity, 'soft');
    assert.equal(report?.recipients[0].action, 'delayed');
    assert.equal(report?.recipients[0].status, '4.2.2');
  });

  // Exim names failed recipients for any permanent failure, full mailboxes and blocklists included.
  it('reads X-Failed-Recipients as failures of unknown reason when the text has no code or wording', () => {
    const report = bounceFromText({
      subject: 'Mail delivery failed: returning message to sender',
      text: 'A message that you sent could not be delivered to one or more of its recipients.',
      failedRecipients: ['a@prospect.example', 'b@prospect.example'],
      originalMessageId: null,
    });
    assert.equal(report?.severity, 'soft');
    assert.equal(report?.verdict.reason, 'unknown');
    assert.deepEqual(report?.recipients.map((entry) => [entry.finalRecipient, entry.action, entry.status]), [
      ['a@prospect.example', 'failed', null],
      ['b@prospect.example', 'failed', null],
    ]);
  });

  it('falls back on the subject, with an unknown recipient', () => {
    const report = bounceFromText({ subject: 'Undeliverable: Quick question', text: 'Delivery has failed.', failedRecipients: [], originalMessageId: null });
    assert.equal(report?.severity, 'soft');
    assert.deepEqual([report?.verdict.reason, report?.verdict.status], ['unknown', null]);
    assert.equal(report?.recipients[0].finalRecipient, null);
    assert.equal(report?.recipients[0].diagnostic, null);
  });

  it('reads the reason from the wording when the text has no code', () => {
    const report = bounceFromText({
      subject: 'Mail delivery failed: returning message to sender',
      text: lines('A message that you sent could not be delivered.', '', '  jane@prospect.example', '    Mailbox is full', '', '------ This is a copy of the message, including all the headers. ------', 'We flagged your account as spam by mistake.'),
      failedRecipients: ['jane@prospect.example'],
      originalMessageId: null,
    });
    assert.deepEqual([report?.verdict.reason, report?.verdict.effect, report?.severity], ['mailbox_full', 'retry', 'soft']);
  });

  it('knows failure and delay subjects in other languages', () => {
    const failed = ['Mensaje no entregado', 'Messaggio non recapitato', 'Onbestelbaar: Korte vraag', 'Mensagem não entregue', 'Nachricht nicht zugestellt'];
    for (const subject of failed) {
      const report = bounceFromText({ subject, text: 'Sorry.', failedRecipients: [], originalMessageId: null });
      assert.deepEqual([report?.recipients[0].action, report?.verdict.reason], ['failed', 'unknown'], subject);
    }
    const late = bounceFromText({ subject: 'Bericht vertraagd', text: 'Sorry.', failedRecipients: [], originalMessageId: null });
    assert.deepEqual([late?.recipients[0].action, late?.verdict.reason, late?.verdict.effect], ['delayed', 'temporary_failure', 'retry']);
  });

  it('returns null when nothing says a delivery failed', () => {
    assert.equal(bounceFromText({ subject: 'Your mailbox settings', text: 'Quota is 10 GB.', failedRecipients: [], originalMessageId: null }), null);
  });
});

describe('inlineOriginalMessageId', () => {
  it('finds the Message-ID of a message copied below the notice', () => {
    const text = lines('--- Below this line is a copy of the message.', '', 'Return-Path: <rep@seller.example>', 'Message-ID: <relance.o3@Seller.Example>', 'Subject: Quick question');
    assert.equal(inlineOriginalMessageId(text), '<relance.o3@seller.example>');
    assert.equal(inlineOriginalMessageId('no headers here'), null);
  });
});
