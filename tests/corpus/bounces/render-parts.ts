/** Pieces shared by the corpus renderers. */
export const crlf = (...lines: string[]) => lines.join('\r\n');

export type Language = 'en' | 'fr' | 'de' | 'es' | 'it' | 'nl' | 'pt';

/** What a rendered bounce reports about the one recipient it names. */
export interface BounceSpec {
  /** Unique per message: it names the returned message `<relance.<id>@seller.example>`. */
  id: string;
  recipient: string;
  /** The DSN's `Status` as written; absent from the DSN when null. */
  status: string | null;
  /** The server's answer: the DSN's `Diagnostic-Code` and the line the notice quotes. */
  diagnostic: string;
  action?: 'failed' | 'delayed';
  /** Postfix reports its own DNS and queue failures as `X-Postfix`, not `smtp`. */
  diagnosticType?: 'smtp' | 'x-postfix';
  language?: Language;
}

/** The Message-ID Relance gave the message that bounced. */
export const originalId = (id: string) => `<relance.${id}@seller.example>`;

/** The headers of the message Relance sent, as bounces return them. */
export function outbound(id: string): string {
  return crlf(
    'Return-Path: <paul@seller.example>',
    'From: Paul Martin <paul@seller.example>',
    'To: Jane Prospect <jane@prospect.example>',
    'Subject: Quick question about your onboarding',
    'Date: Wed, 02 Dec 2026 09:14:00 +0000',
    `Message-ID: ${originalId(id)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
  );
}
