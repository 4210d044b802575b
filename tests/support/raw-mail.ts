import { randomUUID } from 'node:crypto';

/** An RFC 5322 message as a prospect's mail client would write it, for IMAP APPEND. */
export function rawMail(mail: {
  from: string;
  to: string;
  subject: string;
  text: string;
  inReplyTo?: string;
  references?: string[];
  extraHeaders?: Record<string, string>;
  date?: Date;
}): string {
  const headers = [
    `From: ${mail.from}`,
    `To: ${mail.to}`,
    `Subject: ${mail.subject}`,
    `Date: ${(mail.date ?? new Date()).toUTCString()}`,
    `Message-ID: <${randomUUID()}@prospect.test>`,
    ...(mail.inReplyTo ? [`In-Reply-To: ${mail.inReplyTo}`] : []),
    ...(mail.references?.length ? [`References: ${mail.references.join(' ')}`] : []),
    ...Object.entries(mail.extraHeaders ?? {}).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${mail.text.replace(/\r?\n/g, '\r\n')}\r\n`;
}
