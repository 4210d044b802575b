import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInboundMail } from './inbound-mail';

const crlf = (lines: string[]) => lines.join('\r\n');

const REPLY = crlf([
  'From: "Jane Prospect" <jane@prospect.example>',
  'To: rep@seller.example, "Other" <other@seller.example>',
  'Subject: Re: Quick question',
  'Date: Tue, 03 Mar 2026 10:00:00 +0000',
  'Message-ID: <reply-1@Prospect.Example>',
  'In-Reply-To: <relance.out-1@seller.example>',
  'References: <first@seller.example>',
  ' <relance.out-1@Seller.Example>',
  'Auto-Submitted: no',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Sounds good, call me.',
  '',
]);

describe('parseInboundMail', () => {
  it('reads ids, addresses, subject, date and text', async () => {
    const mail = await parseInboundMail(7, REPLY);
    assert.equal(mail.uid, 7);
    assert.equal(mail.messageId, '<reply-1@prospect.example>');
    assert.deepEqual(mail.inReplyTo, ['<relance.out-1@seller.example>']);
    assert.deepEqual(mail.references, ['<first@seller.example>', '<relance.out-1@seller.example>']);
    assert.deepEqual(mail.from, { address: 'jane@prospect.example', name: 'Jane Prospect' });
    assert.deepEqual(mail.to, ['rep@seller.example', 'other@seller.example']);
    assert.equal(mail.subject, 'Re: Quick question');
    assert.equal(mail.date?.toISOString(), '2026-03-03T10:00:00.000Z');
    assert.equal(mail.text.trim(), 'Sounds good, call me.');
  });

  it('keeps the classification headers, lower-cased and unfolded', async () => {
    const mail = await parseInboundMail(1, REPLY);
    assert.deepEqual(mail.headers, { 'auto-submitted': 'no', 'content-type': 'text/plain; charset=utf-8' });
  });

  it('finds the Message-ID of the message a bounce returns', async () => {
    const bounce = crlf([
      'From: MAILER-DAEMON@seller.example',
      'To: rep@seller.example',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <bounce-1@seller.example>',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain',
      '',
      'The mail system could not deliver your message.',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; seller.example',
      '',
      'Final-Recipient: rfc822; gone@prospect.example',
      'Action: failed',
      'Status: 5.1.1',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      'From: rep@seller.example',
      'Message-ID:',
      ' <relance.out-9@Seller.example>',
      'Subject: Quick question',
      '--B--',
      '',
    ]);
    const mail = await parseInboundMail(2, bounce);
    assert.deepEqual(mail.attachedMessageIds, ['<relance.out-9@seller.example>']);
    assert.deepEqual(mail.inReplyTo, []);
    assert.equal(mail.headers['content-type']?.startsWith('multipart/report'), true);
    assert.match(mail.text, /could not deliver/);
  });

  it('keeps the delivery-status part out of the text and exposes it on its own', async () => {
    const bounce = crlf([
      'From: MAILER-DAEMON@seller.example',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain',
      '',
      'Delivery failed.',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; seller.example',
      '',
      'Final-Recipient: rfc822; gone@prospect.example',
      'Action: failed',
      'Status: 5.1.1',
      '--B--',
      '',
    ]);
    const mail = await parseInboundMail(4, bounce);
    assert.match(mail.deliveryStatus ?? '', /^Reporting-MTA: dns; seller\.example\r?\n\r?\nFinal-Recipient: rfc822; gone@prospect\.example/);
    assert.match(mail.deliveryStatus ?? '', /Status: 5\.1\.1/);
    assert.doesNotMatch(mail.text, /Final-Recipient/);
    assert.equal((await parseInboundMail(5, REPLY)).deliveryStatus, null);
  });

  it('decodes the delivery-status part: base64 global DSN, quoted-printable, a report on its own', async () => {
    const fields = crlf(['Reporting-MTA: dns; mail.seller.example', '', 'Final-Recipient: rfc822; josé@prospect.example', 'Status: 5.1.1']);
    const global = crlf([
      'Content-Type: multipart/report; report-type=global-delivery-status; boundary=b1',
      '',
      '--b1',
      'Content-Type: message/global-delivery-status',
      'Content-Transfer-Encoding: base64',
      '',
      ...(Buffer.from(fields).toString('base64').match(/.{1,76}/g) ?? []),
      '--b1--',
      '',
    ]);
    assert.equal((await parseInboundMail(1, global)).deliveryStatus, fields);
    const quotedPrintable = crlf([
      'Content-Type: multipart/report; report-type=delivery-status; boundary=b',
      '',
      '--b',
      'Content-Type: message/delivery-status',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Final-Recipient: rfc822; jos=C3=A9@prospect.example',
      'Status: 5.1.=',
      '1',
      '--b--',
      '',
    ]);
    assert.equal((await parseInboundMail(2, quotedPrintable)).deliveryStatus, 'Final-Recipient: rfc822; josé@prospect.example\r\nStatus: 5.1.1');
    const alone = crlf(['Content-Type: message/delivery-status', '', 'Final-Recipient: rfc822; gone@prospect.example', 'Status: 5.1.1', '']);
    assert.match((await parseInboundMail(3, alone)).deliveryStatus ?? '', /^Final-Recipient: rfc822; gone@prospect\.example\r\nStatus: 5\.1\.1/);
  });

  it('does not take a body that quotes a report header for a delivery-status part', async () => {
    const body = crlf(['Subject: hello', '', 'A line of the body:', 'Content-Type: message/delivery-status', '', 'Status: 5.1.1', 'is what a report looks like.']);
    assert.equal((await parseInboundMail(1, body)).deliveryStatus, null);
  });

  it('keeps the feedback-report part of an abuse report out of the text, and the reported message id', async () => {
    const report = crlf([
      'From: feedback@isp.example',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="f"',
      '',
      '--f',
      'Content-Type: text/plain',
      '',
      'This is an abuse report.',
      '--f',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'Original-Rcpt-To: <jane@isp.example>',
      '--f',
      'Content-Type: message/rfc822',
      'Content-Disposition: inline',
      '',
      'From: paul@seller.example',
      'Message-ID: <relance.o7@Seller.Example>',
      'Subject: Quick question',
      '',
      'Hi Jane',
      '--f--',
      '',
    ]);
    const mail = await parseInboundMail(1, report);
    assert.equal(mail.feedbackReport, 'Feedback-Type: abuse\r\nOriginal-Rcpt-To: <jane@isp.example>');
    assert.doesNotMatch(mail.text, /Feedback-Type/);
    // mailparser renders an inline message/rfc822 into the text and drops its Message-ID.
    assert.deepEqual(mail.attachedMessageIds, ['<relance.o7@seller.example>']);
    assert.equal((await parseInboundMail(2, REPLY)).feedbackReport, null);
  });

  it('does not take a plain body that quotes a message/rfc822 part for an attached message', async () => {
    const body = crlf(['Subject: hello', '', 'Content-Type: message/rfc822', '', 'Message-ID: <not.attached@x.example>', '']);
    assert.deepEqual((await parseInboundMail(1, body)).attachedMessageIds, []);
  });

  it('keeps List-Id, which tells a list distribution from a bulk auto-sender', async () => {
    const mail = await parseInboundMail(6, crlf(['From: a@prospect.example', 'Precedence: list', 'List-Id: Sales <sales.prospect.example>', '', 'Hi', '']));
    assert.equal(mail.headers['list-id'], 'Sales <sales.prospect.example>');
    assert.equal(mail.headers['precedence'], 'list');
  });

  it('survives a message with no headers worth the name', async () => {
    const mail = await parseInboundMail(3, 'garbage without structure');
    assert.equal(mail.uid, 3);
    assert.equal(mail.messageId, null);
    assert.equal(mail.from, null);
    assert.deepEqual(mail.to, []);
    assert.equal(mail.date, null);
  });
});
