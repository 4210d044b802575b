import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findDeliveryStatusPart } from './delivery-status-part';

const crlf = (...lines: string[]) => lines.join('\r\n');

const DSN_FIELDS = crlf('Reporting-MTA: dns; mail.seller.example', '', 'Final-Recipient: rfc822; gone@prospect.example', 'Action: failed', 'Status: 5.1.1');

describe('findDeliveryStatusPart', () => {
  it('returns the part body up to the next boundary', () => {
    const raw = crlf(
      'Content-Type: multipart/report; report-type=delivery-status; boundary="outer"',
      '',
      '--outer',
      'Content-Type: text/plain',
      '',
      'Delivery failed.',
      '--outer',
      'Content-Description: Delivery report',
      'Content-Type: message/delivery-status',
      '',
      DSN_FIELDS,
      '',
      '--outer',
      'Content-Type: text/rfc822-headers',
      '',
      'Message-ID: <relance.o1@seller.example>',
      '--outer--',
    );
    const part = findDeliveryStatusPart(Buffer.from(raw));
    assert.equal(part?.trim(), DSN_FIELDS.replace(/\r\n/g, '\n'));
  });

  it('decodes a base64 part of a global DSN', () => {
    const raw = crlf(
      'Content-Type: multipart/report; report-type=global-delivery-status; boundary=b1',
      '',
      '--b1',
      'Content-Type: message/global-delivery-status',
      'Content-Transfer-Encoding: base64',
      '',
      ...(Buffer.from(DSN_FIELDS).toString('base64').match(/.{1,76}/g) ?? []),
      '--b1--',
    );
    assert.equal(findDeliveryStatusPart(raw), DSN_FIELDS);
  });

  it('decodes a quoted-printable part', () => {
    const raw = crlf('--b', 'Content-Type: message/delivery-status', 'Content-Transfer-Encoding: quoted-printable', '', 'Final-Recipient: rfc822; jos=C3=A9@prospect.example', 'Status: 5.1.=', '1', '--b--');
    assert.equal(findDeliveryStatusPart(raw), 'Final-Recipient: rfc822; josé@prospect.example\nStatus: 5.1.1');
  });

  it('returns null when there is no such part', () => {
    const raw = crlf('Subject: hello', '', 'A line of the body:', 'Content-Type: message/delivery-status', '', 'Status: 5.1.1', 'is what a report looks like.');
    assert.equal(findDeliveryStatusPart(Buffer.from(raw)), null);
  });
});
