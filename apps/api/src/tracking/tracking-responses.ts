import { publicPage } from '../common/public-page';
/**
 * What the tracking routes answer besides a redirect: the 1×1 transparent GIF, and pages for
 * links that cannot be followed. Static text only: nothing from the token or the message is
 * echoed.
 */

/** GIF89a, 1×1, one transparent colour: the smallest image every mail client displays. */
export const TRANSPARENT_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export type ClickProblem = 'token_invalid' | 'token_expired' | 'no_such_link' | 'not_found';

const PROBLEMS: Record<ClickProblem, { status: number; title: string; text: string }> = {
  token_invalid: {
    status: 400,
    title: 'This link is not valid',
    text: 'The link is incomplete or was altered. Use the link from the email itself.',
  },
  token_expired: {
    status: 400,
    title: 'This link has expired',
    text: 'Links in this email no longer work. Reply to the sender to ask for the page again.',
  },
  no_such_link: {
    status: 400,
    title: 'This link is not valid',
    text: 'The email this link comes from has no such link. Use the link from the email itself.',
  },
  not_found: {
    status: 404,
    title: 'This email no longer exists',
    text: 'The message this link belongs to has been deleted. Reply to the sender to ask for the page again.',
  },
};

export function clickProblem(problem: ClickProblem): { status: number; message: string; html: string } {
  const { status, title, text } = PROBLEMS[problem];
  return { status, message: title, html: publicPage(title, `<p>${text}</p><p class="code">${problem}</p>`) };
}
