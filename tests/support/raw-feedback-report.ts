import { randomUUID } from 'node:crypto';

/**
 * An abuse report in the Abuse Reporting Format (RFC 5965) as a mailbox provider's feedback
 * loop sends it: a human part, the machine-readable `message/feedback-report` part, and the
 * message complained about, attached whole. Sent from the provider's loop address, not by the
 * person; the attached message is the only link to what was reported.
 */
export function rawFeedbackReport(report: {
  /** Who receives the report: the sender of the original. */
  to: string;
  /** The address that complained. */
  recipient: string;
  feedbackType?: string;
  /** The message complained about, as sent. */
  original: Buffer | string;
}): string {
  const boundary = `arf-${randomUUID()}`;
  const original = report.original.toString().replace(/\r?\n/g, '\r\n').replace(/\r\n$/, '');
  return [
    'From: Feedback Loop <fbl@feedback.mailprovider.test>',
    `To: ${report.to}`,
    'Subject: Abuse report',
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <${randomUUID()}@feedback.mailprovider.test>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=feedback-report; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is an email abuse report for an email message received from you.',
    'A recipient of our service marked it as spam.',
    '',
    `--${boundary}`,
    'Content-Type: message/feedback-report',
    '',
    `Feedback-Type: ${report.feedbackType ?? 'abuse'}`,
    'User-Agent: MailProvider-FBL/2.1',
    'Version: 1',
    `Original-Rcpt-To: <${report.recipient}>`,
    `Arrival-Date: ${new Date().toUTCString()}`,
    'Reporting-MTA: dns; feedback.mailprovider.test',
    'Source-IP: 192.0.2.10',
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    original,
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
