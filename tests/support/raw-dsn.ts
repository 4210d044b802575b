import { randomUUID } from 'node:crypto';

/**
 * An RFC 3464 delivery status notification as a receiving MTA (Postfix-like) returns it to the
 * sender: a human part, the machine-readable `message/delivery-status` part, and the returned
 * message, attached whole (message/rfc822) or by its headers only (text/rfc822-headers).
 * No In-Reply-To: the returned message is the only link to what bounced.
 */
export function rawDeliveryReport(report: {
  /** Who receives the report: the sender of the original. */
  to: string;
  /** The address that failed. */
  recipient: string;
  action: 'failed' | 'delayed';
  /** Enhanced status, e.g. 5.1.1 or 4.2.2. */
  status: string;
  diagnostic: string;
  /** The message that bounced, as sent. */
  original: Buffer | string;
  returned: 'message' | 'headers';
}): string {
  const boundary = `dsn-${randomUUID()}`;
  const original = report.original.toString().replace(/\r?\n/g, '\r\n');
  const headers = original.split('\r\n\r\n', 1)[0];
  const delayed = report.action === 'delayed';
  const lines = [
    'Return-Path: <>',
    'From: Mail Delivery System <MAILER-DAEMON@mx.prospects.test>',
    `To: ${report.to}`,
    `Subject: ${delayed ? 'Delayed Mail (still being retried)' : 'Undelivered Mail Returned to Sender'}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${randomUUID()}@mx.prospects.test>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.prospects.test.',
    '',
    delayed
      ? 'Your message could not be delivered for more than 4 hours. It will be retried until it is 5 days old.'
      : "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
    '',
    `<${report.recipient}>: ${report.diagnostic}`,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.prospects.test',
    `Arrival-Date: ${new Date().toUTCString()}`,
    '',
    `Final-Recipient: rfc822; ${report.recipient}`,
    `Original-Recipient: rfc822; ${report.recipient}`,
    `Action: ${report.action}`,
    `Status: ${report.status}`,
    'Remote-MTA: dns; mx.prospects.test',
    `Diagnostic-Code: smtp; ${report.diagnostic}`,
    '',
    `--${boundary}`,
    ...(report.returned === 'message'
      ? ['Content-Type: message/rfc822', '', original.replace(/\r\n$/, '')]
      : ['Content-Type: text/rfc822-headers', '', headers]),
    '',
    `--${boundary}--`,
    '',
  ];
  return lines.join('\r\n');
}
