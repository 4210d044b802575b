import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseInboundMail } from '../inbound-mail';
import { classifyInbound, type ClassifyOptions, type InboundClassification } from './classify';
import * as fixtures from './classification.fixtures';

async function classify(raw: string, options?: ClassifyOptions): Promise<InboundClassification> {
  return classifyInbound(await parseInboundMail(1, raw), options);
}

function autoReply(result: InboundClassification) {
  assert.equal(result.kind, 'auto_reply');
  return result as Extract<InboundClassification, { kind: 'auto_reply' }>;
}

function bounce(result: InboundClassification) {
  assert.equal(result.kind, 'bounce');
  return (result as Extract<InboundClassification, { kind: 'bounce' }>).bounce;
}

describe('classifyInbound — replies', () => {
  it('classifies a person answering as a reply, dates in the text notwithstanding', async () => {
    assert.deepEqual(await classify(fixtures.PLAIN_REPLY), { kind: 'reply' });
  });

  it('keeps a reply whose (our) subject mentions an absence', async () => {
    assert.deepEqual(await classify(fixtures.REPLY_TO_ABSENCE_SUBJECT), { kind: 'reply' });
  });

  it('treats a message distributed by a mailing list as a reply (Precedence: list)', async () => {
    assert.deepEqual(await classify(fixtures.MAILING_LIST_REPLY), { kind: 'reply' });
  });

  it('treats Precedence: bulk as a list, not an auto-reply, when List-Id is present', async () => {
    const raw = fixtures.MAILING_LIST_REPLY.replace('Precedence: list', 'Precedence: bulk');
    assert.deepEqual(await classify(raw), { kind: 'reply' });
  });
});

describe('classifyInbound — auto-replies', () => {
  it('reads an Outlook out-of-office in English and its return day', async () => {
    const result = autoReply(await classify(fixtures.OUTLOOK_OOO_EN));
    assert.equal(result.reason, 'auto_submitted');
    assert.equal(result.returnDate?.toISOString(), '2026-12-21T09:00:00.000Z');
  });

  it('gives the return at 09:00 in the time zone asked for', async () => {
    const result = autoReply(await classify(fixtures.OUTLOOK_OOO_EN, { timeZone: 'Europe/Paris' }));
    assert.equal(result.returnDate?.toISOString(), '2026-12-21T08:00:00.000Z');
  });

  it('reads a Gmail vacation responder', async () => {
    const result = autoReply(await classify(fixtures.GMAIL_VACATION_EN));
    assert.equal(result.reason, 'auto_submitted');
    assert.equal(result.returnDate?.toISOString(), '2027-01-05T09:00:00.000Z');
  });

  it('reads a French Outlook out-of-office (encoded subject, quoted-printable body)', async () => {
    const result = autoReply(await classify(fixtures.OUTLOOK_OOO_FR, { timeZone: 'Europe/Paris' }));
    assert.equal(result.reason, 'auto_submitted');
    // "jusqu'au lundi 4 janvier inclus": back the day after.
    assert.equal(result.returnDate?.toISOString(), '2027-01-05T08:00:00.000Z');
  });

  it('recognises a French out-of-office by its subject alone and ignores dates in the quote', async () => {
    const result = autoReply(await classify(fixtures.OOO_FR_SUBJECT_ONLY, { timeZone: 'Europe/Paris' }));
    assert.equal(result.reason, 'subject');
    assert.equal(result.returnDate?.toISOString(), '2026-12-21T08:00:00.000Z');
  });

  it('recognises an English out-of-office by its subject alone', async () => {
    const result = autoReply(await classify(fixtures.OOO_EN_SUBJECT_ONLY));
    assert.equal(result.reason, 'subject');
    assert.equal(result.returnDate?.toISOString(), '2026-12-09T09:00:00.000Z');
  });

  it('recognises an autoresponder by X-Autorespond, without a return date', async () => {
    const result = autoReply(await classify(fixtures.CPANEL_AUTORESPONDER));
    assert.equal(result.reason, 'x_autorespond');
    assert.equal(result.returnDate, null);
  });

  it('uses receivedAt over the Date header', async () => {
    const result = autoReply(await classify(fixtures.OOO_EN_SUBJECT_ONLY, { receivedAt: new Date('2026-12-10T09:00:00Z') }));
    // "back on the 9th", seen on the 10th: the 9th of January.
    assert.equal(result.returnDate?.toISOString(), '2027-01-09T09:00:00.000Z');
  });

  it('gives no return date when the mail has no date at all', async () => {
    const raw = fixtures.OUTLOOK_OOO_EN.replace(/^Date: .*\r\n/m, '');
    const result = autoReply(await classify(raw));
    assert.equal(result.returnDate, null);
  });

  it('calls a read receipt an auto-reply, not a reply', async () => {
    const result = autoReply(await classify(fixtures.READ_RECEIPT));
    assert.equal(result.reason, 'read_receipt');
  });

  it('calls a delivery report that only says "relayed" a notification, not a bounce', async () => {
    const result = autoReply(await classify(fixtures.RELAYED_DSN));
    assert.equal(result.reason, 'delivery_notification');
  });
});

describe('classifyInbound — bounces with a DSN', () => {
  it('reads a Postfix hard bounce (5.1.1) and the message it returns', async () => {
    const diagnostic = '550 5.1.1 <gone@prospect.example>: Recipient address rejected: User unknown (in reply to RCPT TO command)';
    const verdict = { reason: 'user_unknown', effect: 'suppress', rawStatus: '5.1.1', status: '5.1.1', smtpCode: 550, diagnostic, action: 'failed' };
    assert.deepEqual(bounce(await classify(fixtures.POSTFIX_HARD_DSN)), {
      recipients: [
        {
          finalRecipient: 'gone@prospect.example',
          originalRecipient: 'gone@prospect.example',
          action: 'failed',
          status: '5.1.1',
          diagnostic,
          remoteMta: 'mx1.prospect.example',
          verdict,
        },
      ],
      originalMessageId: fixtures.OUTBOUND_ID,
      verdict,
      severity: 'hard',
      source: 'dsn',
    });
  });

  it('reads a soft bounce: mailbox full, delayed', async () => {
    const report = bounce(await classify(fixtures.POSTFIX_SOFT_DSN));
    assert.equal(report.severity, 'soft');
    assert.equal(report.source, 'dsn');
    assert.equal(report.originalMessageId, '<relance.out-44@seller.example>');
    assert.deepEqual(
      report.recipients.map((entry) => [entry.action, entry.status, entry.diagnostic]),
      [['delayed', '4.2.2', '452 4.2.2 Mailbox full']],
    );
  });

  it('reads every recipient of a report, base64 and folded fields included', async () => {
    const report = bounce(await classify(fixtures.MULTI_RECIPIENT_DSN));
    assert.equal(report.severity, 'hard');
    assert.equal(report.originalMessageId, '<relance.out-43@seller.example>');
    assert.deepEqual(
      report.recipients.map((entry) => [entry.finalRecipient, entry.action, entry.status]),
      [
        ['a.lost@prospect.example', 'failed', '5.1.1'],
        ['b.busy@partner.example', 'delayed', '4.4.1'],
        ['c.fine@partner.example', 'relayed', '2.0.0'],
      ],
    );
    assert.equal(report.recipients[0].remoteMta, 'mx.prospect.example. (192.0.2.30, the server for the domain prospect.example.)');
  });

  it('reads the DSN that parseInboundMail took out of the message, else the bounce from its prose', async () => {
    const parsed = await parseInboundMail(1, fixtures.POSTFIX_HARD_DSN);
    assert.match(parsed.deliveryStatus ?? '', /Final-Recipient: rfc822; gone@prospect\.example/);
    assert.equal(bounce(classifyInbound(parsed)).source, 'dsn');
    // Without the part, the same bounce is still recognised, from its prose.
    const fromText = bounce(classifyInbound({ ...parsed, deliveryStatus: null }));
    assert.equal(fromText.source, 'text');
    assert.equal(fromText.recipients[0].status, '5.1.1');
  });
});

describe('classifyInbound — bounces without a DSN', () => {
  it('reads a qmail failure notice, best effort, and the Message-ID copied inline', async () => {
    const report = bounce(await classify(fixtures.QMAIL_BOUNCE_WITHOUT_DSN));
    assert.equal(report.source, 'text');
    assert.equal(report.severity, 'hard');
    assert.equal(report.originalMessageId, '<relance.out-45@seller.example>');
    assert.deepEqual(
      report.recipients.map((entry) => [entry.finalRecipient, entry.status]),
      [['left@prospect.example', '5.1.1']],
    );
  });

  it('reads an Exim bounce from X-Failed-Recipients', async () => {
    const report = bounce(await classify(fixtures.EXIM_BOUNCE_WITHOUT_DSN));
    assert.equal(report.source, 'text');
    assert.equal(report.severity, 'hard');
    assert.equal(report.verdict.reason, 'user_unknown', 'by its wording: Exim says "Unrouteable address" for an unknown local part');
    assert.equal(report.originalMessageId, '<relance.out-46@seller.example>');
    assert.deepEqual(
      report.recipients.map((entry) => [entry.finalRecipient, entry.status, entry.diagnostic]),
      [['nobody@prospect.example', null, '550 Unrouteable address']],
    );
  });

  it('never reads a mailer daemon as a reply: with nothing readable it is a bounce of unknown reason', async () => {
    const raw = [
      'From: Mail Delivery System <MAILER-DAEMON@prospect.example>',
      'To: paul@seller.example',
      'Subject: Re: Quick question about your onboarding',
      'In-Reply-To: <relance.out-42@seller.example>',
      '',
      'Sounds good, talk on Tuesday.',
      '',
    ].join('\r\n');
    const report = bounce(await classify(raw));
    assert.deepEqual([report.verdict.reason, report.verdict.effect, report.severity], ['unknown', 'none', 'soft']);
    assert.equal(report.originalMessageId, '<relance.out-42@seller.example>');
  });

  it("reads a DSN's reason from its notice when its fields name none, never from the returned copy", async () => {
    const dsn = (notice: string) =>
      [
        'From: MAILER-DAEMON@mail.seller.example',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="d"',
        '',
        '--d',
        'Content-Type: text/plain',
        '',
        notice,
        '--d',
        'Content-Type: message/delivery-status',
        '',
        'Final-Recipient: rfc822; jane@prospect.example',
        'Action: failed',
        'Status: 5.0.0',
        'Diagnostic-Code: smtp; 550 Rejected',
        '--d--',
        '',
      ].join('\r\n');
    const told = bounce(await classify(dsn("Delivery failed: the recipient's mailbox is full.")));
    assert.deepEqual([told.verdict.reason, told.verdict.rawStatus, told.severity], ['mailbox_full', '5.0.0', 'soft']);
    const copied = bounce(await classify(dsn('Delivery failed.\n\n----- Original message -----\nSubject: is your mailbox full?')));
    assert.equal(copied.verdict.reason, 'unknown');
  });

  it('reads an abuse feedback report (ARF) as a complaint about the message it returns', async () => {
    const raw = [
      'From: feedback@isp.example',
      'Content-Type: multipart/report; report-type=feedback-report; boundary="f"',
      '',
      '--f',
      'Content-Type: text/plain',
      '',
      'Abuse report: delivery failed? No: the user marked this as spam.',
      '--f',
      'Content-Type: message/feedback-report',
      '',
      'Feedback-Type: abuse',
      'Original-Rcpt-To: <jane@isp.example>',
      '--f',
      'Content-Type: text/rfc822-headers',
      '',
      'Message-ID: <relance.out-42@seller.example>',
      '--f--',
      '',
    ].join('\r\n');
    assert.deepEqual(await classify(raw), {
      kind: 'complaint',
      complaint: { feedbackType: 'abuse', originalMessageId: '<relance.out-42@seller.example>', originalRecipient: 'jane@isp.example', reportingMta: null },
    });
  });

  it('does not call a mailer-daemon message a bounce when nothing in it failed', async () => {
    const raw = [
      'From: MAILER-DAEMON@seller.example',
      'To: paul@seller.example',
      'Subject: Mailbox quota information',
      'Auto-Submitted: auto-generated',
      '',
      'Your mailbox uses 40% of its quota.',
      '',
    ].join('\r\n');
    assert.equal(autoReply(await classify(raw)).reason, 'auto_submitted');
  });
});

describe('classifyInbound — header signals on a plain text', () => {
  const withHeaders = (...headers: string[]) =>
    [
      'From: Jane Prospect <jane@prospect.example>',
      'To: paul@seller.example',
      'Subject: Re: Quick question about your onboarding',
      'Date: Wed, 02 Dec 2026 11:00:00 +0000',
      ...headers,
      '',
      'Noted.',
      '',
    ].join('\r\n');

  const cases: ReadonlyArray<readonly [string, string]> = [
    ['Auto-Submitted: auto-replied (vacation)', 'auto_submitted'],
    ['X-Autoreply: yes', 'x_autoreply'],
    ['Precedence: junk', 'precedence'],
    ['Precedence: bulk', 'precedence'],
    ['X-Auto-Response-Suppress: OOF, AutoReply', 'x_auto_response_suppress'],
    ['Return-Path: <>', 'null_return_path'],
  ];
  for (const [header, reason] of cases) {
    it(`"${header}" makes an auto-reply (${reason})`, async () => {
      assert.equal(autoReply(await classify(withHeaders(header))).reason, reason);
    });
  }

  it('"Auto-Submitted: no" leaves a reply', async () => {
    assert.deepEqual(await classify(withHeaders('Auto-Submitted: no', 'X-Auto-Response-Suppress: None')), { kind: 'reply' });
  });
});
