/** Pieces shared by the classification fixtures. */
export const crlf = (...lines: string[]) => lines.join('\r\n');

export const OUTBOUND_ID = '<relance.out-42@seller.example>';
export const OUTBOUND_HEADERS = crlf(
  'Return-Path: <paul@seller.example>',
  'From: Paul Martin <paul@seller.example>',
  'To: Jane Prospect <jane@prospect.example>',
  'Subject: Quick question about your onboarding',
  'Date: Wed, 02 Dec 2026 09:14:00 +0000',
  `Message-ID: ${OUTBOUND_ID}`,
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
);
