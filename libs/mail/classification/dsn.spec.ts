import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bounceFromDeliveryStatus, bounceReport } from './bounce-report';
import { parseDeliveryStatus, statusFromText } from './dsn';

const crlf = (...lines: string[]) => lines.join('\r\n');

describe('parseDeliveryStatus', () => {
  it('reads the per-message block and one recipient, with its verdict', () => {
    const status = parseDeliveryStatus(
      crlf(
        'Reporting-MTA: dns; mail.seller.example',
        'X-Postfix-Queue-ID: 4F2A81C03B',
        'Arrival-Date: Tue,  3 Mar 2026 10:00:01 +0000 (UTC)',
        '',
        'Final-Recipient: rfc822; gone@prospect.example',
        'Original-Recipient: rfc822;gone@prospect.example',
        'Action: failed',
        'Status: 5.1.1',
        'Remote-MTA: dns; mx1.prospect.example',
        'Diagnostic-Code: smtp; 550 5.1.1 <gone@prospect.example>: Recipient address',
        '    rejected: User unknown in virtual mailbox table',
        '',
      ),
    );
    assert.equal(status.reportingMta, 'mail.seller.example');
    assert.deepEqual(status.recipients, [
      {
        finalRecipient: 'gone@prospect.example',
        originalRecipient: 'gone@prospect.example',
        action: 'failed',
        status: '5.1.1',
        diagnostic: '550 5.1.1 <gone@prospect.example>: Recipient address rejected: User unknown in virtual mailbox table',
        remoteMta: 'mx1.prospect.example',
        verdict: {
          reason: 'user_unknown',
          effect: 'suppress',
          rawStatus: '5.1.1',
          status: '5.1.1',
          smtpCode: 550,
          diagnostic: '550 5.1.1 <gone@prospect.example>: Recipient address rejected: User unknown in virtual mailbox table',
          action: 'failed',
        },
      },
    ]);
  });

  it('reads several recipient blocks, whatever the blank lines between them', () => {
    const status = parseDeliveryStatus(
      [
        'Reporting-MTA: dns;relay.seller.example',
        '',
        '',
        'Final-Recipient: rfc822;<first@prospect.example>',
        'Action: failed',
        'Status: 5.2.1 (mailbox disabled)',
        '   ',
        'Final-Recipient: RFC822; second@prospect.example',
        'Action: Delayed',
        'Status: 4.4.1',
        'Will-Retry-Until: Fri, 6 Mar 2026 10:00:00 +0000',
        '',
        'Final-Recipient: rfc822; third@prospect.example',
        'Action: relayed',
        'Status: 2.0.0',
      ].join('\n'),
    );
    assert.deepEqual(
      status.recipients.map((entry) => [entry.finalRecipient, entry.action, entry.status]),
      [
        ['first@prospect.example', 'failed', '5.2.1'],
        ['second@prospect.example', 'delayed', '4.4.1'],
        ['third@prospect.example', 'relayed', '2.0.0'],
      ],
    );
  });

  // The action no longer invents a status: "5.0.0" for a failure with no code read as a hard bounce.
  it('takes the status from the diagnostic when Status is missing, and none from the action alone', () => {
    const status = parseDeliveryStatus(
      crlf(
        'Final-Recipient: rfc822; a@prospect.example',
        'Action: failed',
        'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full',
        '',
        'Final-Recipient: rfc822; b@prospect.example',
        'Action: failed',
        'Diagnostic-Code: X-Unix; 550 unrouteable address',
        '',
        'Final-Recipient: rfc822; c@prospect.example',
        'Action: delayed',
      ),
    );
    assert.deepEqual(
      status.recipients.map((entry) => [entry.status, entry.verdict.rawStatus, entry.verdict.reason]),
      [
        ['5.2.2', null, 'mailbox_full'],
        [null, null, 'user_unknown'],
        [null, null, 'temporary_failure'],
      ],
    );
  });

  it('infers the action from the status when Action is missing', () => {
    const status = parseDeliveryStatus(crlf('Final-Recipient: rfc822; a@prospect.example', 'Status: 4.2.2'));
    assert.equal(status.recipients[0].action, 'delayed');
  });

  it('reads a recipient block that comes without a per-message block', () => {
    const status = parseDeliveryStatus(crlf('Original-Recipient: rfc822; a@prospect.example', 'Action: failed', 'Status: 5.1.1'));
    assert.equal(status.reportingMta, null);
    assert.deepEqual(status.recipients.map((entry) => [entry.finalRecipient, entry.originalRecipient]), [[null, 'a@prospect.example']]);
  });

  it("reads Gmail's per-message X-Original-Message-ID", () => {
    const status = parseDeliveryStatus(
      crlf('Reporting-MTA: dns; googlemail.com', 'X-Original-Message-ID: <relance.o9@seller.example>', '', 'Final-Recipient: rfc822; a@prospect.example', 'Status: 5.1.1'),
    );
    assert.equal(status.originalMessageId, '<relance.o9@seller.example>');
    assert.equal(parseDeliveryStatus(crlf('Final-Recipient: rfc822; a@prospect.example', 'Status: 5.1.1')).originalMessageId, null);
  });

  it('returns no recipient for text that is not a DSN', () => {
    assert.deepEqual(parseDeliveryStatus('Hello,\n\nthis is not a report.\n').recipients, []);
  });
});

describe('bounceReport severity', () => {
  const recipients = (...blocks: Array<[action: string, status: string]>) =>
    parseDeliveryStatus(blocks.map(([action, status]) => crlf('Final-Recipient: rfc822; a@prospect.example', `Action: ${action}`, `Status: ${status}`)).join('\r\n\r\n')).recipients;
  const report = (...blocks: Array<[string, string]>) => bounceReport(recipients(...blocks), null, 'dsn');

  it('is hard when any recipient failed because the address is gone, and judges by that one', () => {
    const mixed = report(['delayed', '4.4.1'], ['failed', '5.7.1'], ['failed', '5.1.1']);
    assert.equal(mixed.severity, 'hard');
    assert.deepEqual([mixed.verdict.reason, mixed.verdict.effect, mixed.verdict.status], ['user_unknown', 'suppress', '5.1.1']);
  });

  it('is soft for a failure with 4.x.x (a server that gave up retrying) and for a delay', () => {
    assert.equal(report(['failed', '4.2.2']).severity, 'soft');
    assert.equal(report(['delayed', '4.2.2']).severity, 'soft');
    assert.equal(report(['failed', '4.1.1']).verdict.effect, 'retry', 'a 4.x.x never suppresses');
  });

  it('is soft for a full mailbox and for a policy refusal, though their codes are permanent', () => {
    assert.equal(report(['failed', '5.2.2']).severity, 'soft');
    assert.equal(report(['failed', '5.7.1']).verdict.effect, 'sender_problem');
    assert.equal(report(['failed', '5.2.2'], ['failed', '5.1.1']).severity, 'hard');
  });

  it('says unknown, suppressing nothing, when no recipient is named', () => {
    const empty = bounceReport([], null, 'text');
    assert.deepEqual([empty.severity, empty.verdict.reason, empty.verdict.effect], ['soft', 'unknown', 'none']);
  });
});

describe('bounceFromDeliveryStatus', () => {
  it('builds a report marked as read from a DSN', () => {
    const report = bounceFromDeliveryStatus(crlf('Final-Recipient: rfc822; a@prospect.example', 'Action: failed', 'Status: 5.1.1'), '<relance.o1@seller.example>');
    assert.equal(report?.severity, 'hard');
    assert.equal(report?.source, 'dsn');
    assert.equal(report?.originalMessageId, '<relance.o1@seller.example>');
  });

  it('returns null for a success notification', () => {
    assert.equal(bounceFromDeliveryStatus(crlf('Final-Recipient: rfc822; a@prospect.example', 'Action: delivered', 'Status: 2.0.0'), null), null);
  });
});

describe('statusFromText', () => {
  it('prefers the enhanced code, falls back to the reply code', () => {
    assert.equal(statusFromText('550 5.1.10 RESOLVER.ADR.RecipientNotFound'), '5.1.10');
    assert.equal(statusFromText('451 Temporary local problem'), '4.0.0');
    assert.equal(statusFromText('connected to 192.0.2.15 and gave up'), null);
  });
});
