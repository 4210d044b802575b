import assert from 'node:assert/strict';
import type { CapturedMessage, SmtpCapture } from '../harness/smtp-capture';

/** The next system mail to `address` whose subject matches, and the token it carries. */
export async function tokenMailedTo(mail: SmtpCapture, address: string, subject: RegExp, after = 0): Promise<{ message: CapturedMessage; token: string }> {
  const message = await mail.waitFor(
    (m) => m.to.includes(address) && subject.test(m.subject ?? '') && mail.messages.indexOf(m) >= after,
    20_000,
  );
  const match = /"token": "([A-Za-z0-9_-]+)"/.exec(message.text ?? '');
  assert.ok(match, `a token in the mail to ${address}`);
  return { message, token: match[1] };
}
