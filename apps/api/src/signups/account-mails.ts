import type { SystemMail } from '@relance/privacy/requests/system-mailer';

/**
 * The mails that carry a sign-up's or an invitation's token. The token is the whole secret: the
 * mail says how to use it against the API and how long it works, and nothing else of value.
 */
export function signupMail(input: { to: string; accountName: string; token: string; apiUrl: string; validFor: string }): SystemMail {
  return {
    to: input.to,
    subject: 'Confirm your Relance sign-up',
    text: [
      `Someone (we hope you) asked to create the Relance workspace "${input.accountName}" with this address.`,
      '',
      `To confirm, send this token within ${input.validFor}:`,
      '',
      `  POST ${input.apiUrl}/v1/signups/verify`,
      `  {"token": "${input.token}"}`,
      '',
      'The answer holds your first API key, shown once. If you did not sign up, ignore this mail: nothing is created.',
    ].join('\n'),
  };
}

export function invitationMail(input: { to: string; accountName: string; token: string; apiUrl: string; validFor: string }): SystemMail {
  return {
    to: input.to,
    subject: `You are invited to the Relance workspace "${input.accountName}"`,
    text: [
      `You are invited to join the Relance workspace "${input.accountName}".`,
      '',
      `To accept, send this token with your name within ${input.validFor}:`,
      '',
      `  POST ${input.apiUrl}/v1/invitations/accept`,
      `  {"token": "${input.token}", "name": "Your Name"}`,
      '',
      'The answer holds your first API key, shown once. If you did not expect this, ignore this mail.',
    ].join('\n'),
  };
}

/** "24 hours", "7 days", "30 seconds": a validity for people to read. */
export function readableDuration(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1_000, 'second']];
  for (const [size, name] of units) {
    if (ms >= size && ms % size === 0) {
      const count = ms / size;
      return `${count} ${name}${count === 1 ? '' : 's'}`;
    }
  }
  return `${Math.ceil(ms / 1000)} seconds`;
}
