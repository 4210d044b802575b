import type { ConsoleRequest, ConsoleResponse, Next } from './http-types';

/** AdminJS's page templates link Roboto from Google Fonts; this is that tag. */
const GOOGLE_FONTS_LINK = /<link[^>]+href="https:\/\/fonts\.googleapis\.com\/[^"]*"[^>]*>/g;

/**
 * Drops AdminJS's Google Fonts stylesheet from the pages it renders: the console loads nothing
 * from another site (each staff page view would tell Google who works when, and offline the
 * render-blocking request hangs the page). The system sans-serif font is used instead.
 */
export function withoutExternalFonts(html: string): string {
  return html.replace(GOOGLE_FONTS_LINK, '');
}

export function noExternalFonts() {
  return (_request: ConsoleRequest, response: ConsoleResponse, next: Next) => {
    const send = response.send.bind(response);
    response.send = (body: string) => send(typeof body === 'string' ? withoutExternalFonts(body) : body);
    next();
  };
}
