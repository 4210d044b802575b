import { crlf, outbound } from './render-parts';

/** What a feedback loop reports (RFC 5965), as the corpus varies it. */
export interface ComplaintSpec {
  id: string;
  feedbackType: string;
  /** Who runs the loop: sets the sender, the User-Agent and what the report names. */
  provider: 'yahoo' | 'microsoft' | 'comcast' | 'generic';
  /** Many providers redact the recipient; some name it in Original-Rcpt-To. */
  recipient: string | null;
  /** Only the headers of our message are returned (text/rfc822-headers) instead of the whole message. */
  headersOnly?: boolean;
}

const PROVIDERS = {
  yahoo: { from: 'Yahoo! Mail AntiSpam Feedback <feedback@arf.mail.yahoo.com>', agent: 'Yahoo!-Mail-Feedback/2.0', mta: 'dns; mta1.mail.ne1.yahoo.com' },
  microsoft: { from: 'staff@hotmail.com', agent: 'Microsoft Junk Mail Reporting Program', mta: 'dns; hotmail.com' },
  comcast: { from: 'feedbackloop@comcastfbl.senderscore.net', agent: 'SSFBL/1.0', mta: 'dns; comcast.net' },
  generic: { from: 'abuse@isp.example', agent: 'SomeGenerator/1.0', mta: 'dns; mail.isp.example' },
} as const;

export function arfReport(spec: ComplaintSpec): string {
  const provider = PROVIDERS[spec.provider];
  const boundary = `arf_${spec.id}`;
  return crlf(
    `From: ${provider.from}`,
    'To: fbl@seller.example',
    'Subject: FW: Quick question about your onboarding',
    'Date: Thu, 3 Dec 2026 11:02:00 +0000',
    `Message-ID: <${spec.id}.fbl@${spec.provider}.example>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=feedback-report;`,
    `\tboundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset="US-ASCII"',
    'Content-Transfer-Encoding: 7bit',
    '',
    'This is an email abuse report for an email message received from IP',
    '198.51.100.4 on Wed, 2 Dec 2026 09:14:01 +0000.',
    'For more information about this format please see',
    'https://www.rfc-editor.org/rfc/rfc5965.',
    '',
    `--${boundary}`,
    'Content-Type: message/feedback-report',
    '',
    `Feedback-Type: ${spec.feedbackType}`,
    `User-Agent: ${provider.agent}`,
    'Version: 1',
    'Original-Mail-From: <paul@seller.example>',
    ...(spec.recipient ? [`Original-Rcpt-To: <${spec.recipient}>`] : []),
    'Arrival-Date: Wed, 2 Dec 2026 09:14:01 +0000',
    `Reporting-MTA: ${provider.mta}`,
    'Source-IP: 198.51.100.4',
    'Reported-Domain: seller.example',
    'Authentication-Results: mx.isp.example; spf=pass smtp.mailfrom=seller.example; dkim=pass header.d=seller.example',
    '',
    `--${boundary}`,
    spec.headersOnly ? 'Content-Type: text/rfc822-headers' : 'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    outbound(spec.id),
    ...(spec.headersOnly ? [] : ['', 'Hi Jane, would you have 20 minutes next week?']),
    '',
    `--${boundary}--`,
    '',
  );
}
