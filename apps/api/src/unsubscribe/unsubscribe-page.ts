import { publicPage } from '../common/public-page';
/**
 * The pages a recipient sees after following an unsubscribe link. Static text only: nothing
 * from the token, the message or the person is echoed, so there is nothing to escape and
 * nothing to leak to whoever holds a forwarded link.
 */
export type UnsubscribeProblem = 'token_invalid' | 'token_expired' | 'not_found';

const PROBLEMS: Record<UnsubscribeProblem, { status: number; title: string; text: string }> = {
  token_invalid: {
    status: 400,
    title: 'This unsubscribe link is not valid',
    text: 'The link is incomplete or was altered. Use the link from the email itself, or reply to the email and ask the sender to stop.',
  },
  token_expired: {
    status: 400,
    title: 'This unsubscribe link has expired',
    text: 'Reply to the email and ask the sender to stop writing to you.',
  },
  not_found: {
    status: 404,
    title: 'This email no longer exists',
    text: 'The message this link belongs to has been deleted. Reply to the sender to ask them to stop.',
  },
};

/** What GET shows: a button, because mail scanners follow links and must not unsubscribe anyone. */
export function confirmPage(): string {
  return publicPage(
    'Unsubscribe',
    `<p>Do you want to stop receiving these emails?</p>
    <form method="post">
      <input type="hidden" name="List-Unsubscribe" value="One-Click">
      <button type="submit">Unsubscribe</button>
    </form>`,
  );
}

export function donePage(): string {
  return publicPage('You are unsubscribed', '<p>You will not receive further emails from this sender.</p>');
}

export function problemPage(problem: UnsubscribeProblem): { status: number; html: string } {
  const { status, title, text } = PROBLEMS[problem];
  return { status, html: publicPage(title, `<p>${text}</p><p class="code">${problem}</p>`) };
}

export function problemMessage(problem: UnsubscribeProblem): { status: number; message: string } {
  return { status: PROBLEMS[problem].status, message: PROBLEMS[problem].title };
}
