import type { SystemMail } from './system-mailer';

/** The words Relance writes to a data subject; each names the request by id so staff can find it. */
export const subjectNotices = {
  verification: (to: string, requestId: string, link: string, expiresAt: Date): SystemMail => ({
    to,
    subject: 'Confirm your privacy request',
    text: `We received a privacy request (reference ${requestId}) for this address.\n\n`
      + `To confirm that you made it, open this link before ${expiresAt.toISOString()}:\n${link}\n\n`
      + 'If you did not make this request, ignore this message: nothing will be done.',
  }),
  extension: (to: string, requestId: string, dueAt: Date, reason: string): SystemMail => ({
    to,
    subject: 'Your privacy request needs more time',
    text: `Your privacy request (reference ${requestId}) will be answered by ${dueAt.toISOString()}.\n\nWhy: ${reason}`,
  }),
  rejected: (to: string, requestId: string, reason: string): SystemMail => ({
    to,
    subject: 'Your privacy request was declined',
    text: `We will not carry out your privacy request (reference ${requestId}).\n\nWhy: ${reason}\n\n`
      + 'You may write to us again, or lodge a complaint with your data protection authority.',
  }),
  completed: (to: string, requestId: string, certificate: string, exportLink: string | null): SystemMail => ({
    to,
    subject: 'Your privacy request is complete',
    text: `Your privacy request (reference ${requestId}) has been carried out.\n\n`
      + (exportLink ? `Download the data we hold about you (the link expires): ${exportLink}\n\n` : '')
      + `Signed certificate of what was done (anyone can check it at /v1/privacy-requests/certificates/verify):\n${certificate}\n`,
  }),
};
