/**
 * More raw messages in the shapes providers produce, written for Relance (names, domains and
 * sentences invented): departure notices, a reply through a Microsoft 365 group, a Gmail DSN
 * that names our message only by X-Original-Message-ID, an Exchange Online NDR.
 */
import { crlf, OUTBOUND_HEADERS, OUTBOUND_ID } from './fixture-parts';

const replyHeaders = (from: string, subject: string, ...extra: string[]) =>
  crlf(
    `From: ${from}`,
    'To: Paul Martin <paul@seller.example>',
    `Subject: ${subject}`,
    'Date: Wed, 02 Dec 2026 11:00:00 +0000',
    'Message-ID: <notice-1@prospect.example>',
    `In-Reply-To: ${OUTBOUND_ID}`,
    ...extra,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  );

/** A mailbox kept open after its owner left, answered by a plain rule: no auto header, our subject. */
export const LEFT_COMPANY_NOTICE_EN = crlf(
  replyHeaders('Jane Prospect <jane@prospect.example>', 'Re: Quick question about your onboarding'),
  '',
  'Hello,',
  '',
  'Jane Prospect is no longer with Prospect Ltd. Please direct your enquiries',
  'to hello@prospect.example.',
  '',
  'Thank you.',
  '',
);

export const LEFT_COMPANY_NOTICE_FR = crlf(
  replyHeaders('Jeanne Dupré <jeanne@prospect.example>', 'RE: Question rapide sur votre onboarding'),
  '',
  'Bonjour,',
  '',
  "Cette adresse e-mail n’est plus utilisée. Merci d'écrire à contact@prospect.example.",
  '',
);

/** Outlook's automatic reply set by someone on their last day: headers say auto, the text says gone. */
export const LEFT_COMPANY_OUTLOOK_AUTO = crlf(
  replyHeaders(
    'Jane Prospect <jane@prospect.example>',
    'Automatic reply: Quick question about your onboarding',
    'Auto-Submitted: auto-generated',
    'X-Auto-Response-Suppress: All',
  ),
  '',
  'I have left Prospect Ltd as of 30 November. For anything about onboarding, please',
  'write to Bob Stone (bob@prospect.example). I will be back in touch from my new role.',
  '',
);

/** A colleague answers for the one who left, with our message quoted: that is a reply. */
export const COLLEAGUE_REPLY_FOR_LEAVER = crlf(
  replyHeaders('Bob Stone <bob@prospect.example>', 'Re: Quick question about your onboarding'),
  '',
  'Hi Paul,',
  '',
  'Jane is no longer with the company, I took over onboarding. Does Tuesday work for a call?',
  '',
  'Bob',
  '',
  'On Wed, Dec 2, 2026 at 9:14 AM Paul Martin <paul@seller.example> wrote:',
  '> Hi Jane,',
  '> Would you have 20 minutes next week?',
  '',
);

/** A person answering through a Microsoft 365 group, which marks what it distributes. */
export const M365_GROUP_REPLY = crlf(
  replyHeaders(
    'Chris Lee <chris@prospect.example>',
    'Re: Quick question about your onboarding',
    'List-Id: <sales.prospect.example>',
    'X-Auto-Response-Suppress: All',
  ),
  '',
  "I handle onboarding here, let's talk on Thursday.",
  '',
);

/** Gmail: the returned message is not attached, only named in the per-message DSN fields. */
export const GMAIL_DSN_ORIGINAL_BY_FIELD = crlf(
  'Return-Path: <>',
  'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
  'To: paul@seller.example',
  'Auto-Submitted: auto-replied',
  'Subject: Delivery Status Notification (Failure)',
  'Date: Wed, 02 Dec 2026 01:14:09 -0800',
  'Message-ID: <dsn-77c1@mx.google.example>',
  'X-Failed-Recipients: jane@prospect.example',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; boundary="000000000000f00d"; report-type=delivery-status',
  '',
  '--000000000000f00d',
  'Content-Type: text/plain; charset="UTF-8"',
  '',
  '** Address not found **',
  '',
  "Your message wasn't delivered to jane@prospect.example because the address couldn't be found.",
  '',
  'The response was:',
  '550 5.1.1 The email account that you tried to reach does not exist.',
  '',
  '--000000000000f00d',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; googlemail.com',
  'Arrival-Date: Wed, 02 Dec 2026 01:14:08 -0800',
  `X-Original-Message-ID: ${OUTBOUND_ID}`,
  '',
  'Final-Recipient: rfc822; jane@prospect.example',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 5.1.1 The email account that you tried to reach does not exist.',
  '',
  '--000000000000f00d--',
  '',
);

/** Exchange Online: an HTML/text notice for people, the DSN, and the original attached. */
export const EXCHANGE_ONLINE_NDR = crlf(
  'Return-Path: <>',
  'From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@seller.example>',
  'To: paul@seller.example',
  'Subject: Undeliverable: Quick question about your onboarding',
  'Date: Wed, 2 Dec 2026 09:14:09 +0000',
  'Message-ID: <ndr-a1b2@AM0PR01MB1234.eurprd01.prod.example>',
  'Auto-Submitted: auto-replied',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="_004_ndr_"',
  '',
  '--_004_ndr_',
  'Content-Type: multipart/alternative; boundary="_002_ndr_"',
  '',
  '--_002_ndr_',
  'Content-Type: text/plain; charset="us-ascii"',
  '',
  "Your message to jane@prospect.example couldn't be delivered.",
  "jane wasn't found at prospect.example.",
  '',
  'Diagnostic information for administrators:',
  "Remote server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found'",
  '',
  '--_002_ndr_',
  'Content-Type: text/html; charset="us-ascii"',
  '',
  "<html><body><p>Your message to jane@prospect.example couldn't be delivered.</p></body></html>",
  '--_002_ndr_--',
  '',
  '--_004_ndr_',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns;AM0PR01MB1234.eurprd01.prod.example',
  '',
  'Original-Recipient: rfc822;jane@prospect.example',
  'Final-Recipient: rfc822;jane@prospect.example',
  'Action: failed',
  'Status: 5.1.10',
  'Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found',
  '',
  '--_004_ndr_',
  'Content-Type: message/rfc822',
  '',
  OUTBOUND_HEADERS,
  '',
  'Hi Jane,',
  '',
  '--_004_ndr_--',
  '',
);
