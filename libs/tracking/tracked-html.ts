import escapeHtml from 'escape-html';
import type { AppConfig } from '@relance/config';
import type { TokenSigner } from '@relance/crypto/signed-token';
import { clickSubject, clickUrl, openPixelUrl, splitLinks } from './tracking-links';

export interface TrackingUrls {
  /** The open pixel's URL. */
  pixel: string;
  /** The tracked URL standing for tracked link `index`. */
  click(index: number): string;
}

/**
 * The HTML alternative of a plain-text body: the text escaped (nothing in it is markup, a
 * `<script>` included), blank lines as paragraphs, line breaks as <br>, http(s) links made
 * clickable and pointed at their tracked URL, and a 1×1 open pixel at the end. Links that are
 * not among `trackedLinks` (past the limit) point at themselves.
 */
export function renderTrackedHtml(text: string, trackedLinks: readonly string[], urls: TrackingUrls): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.replace(/^\n+|\s+$/g, ''))
    .filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p style="margin:0 0 1em 0">${inlineHtml(paragraph, trackedLinks, urls)}</p>`);
  return [
    '<!doctype html>',
    '<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>',
    '<body>',
    '<div style="font-family:sans-serif;font-size:14px;line-height:1.5">',
    ...paragraphs,
    '</div>',
    `<img src="${escapeHtml(urls.pixel)}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0">`,
    '</body></html>',
    '',
  ].join('\n');
}

function inlineHtml(paragraph: string, trackedLinks: readonly string[], urls: TrackingUrls): string {
  return splitLinks(paragraph)
    .map((segment) => {
      if (segment.kind === 'text') return escapeHtml(segment.text).replace(/\n/g, '<br>\n');
      const index = trackedLinks.indexOf(segment.url);
      const href = index >= 0 ? urls.click(index) : segment.url;
      return `<a href="${escapeHtml(href)}">${escapeHtml(segment.text)}</a>`;
    })
    .join('');
}

/**
 * The HTML part of outbox message `message`, with tokens signed now for its pixel and links;
 * undefined when the message is not tracked (its email is then plain text only).
 */
export async function trackedHtmlFor(
  message: { id: string; bodyText: string; trackingBaseUrl: string | null; trackedLinks: string[] },
  tokens: TokenSigner,
  config: Pick<AppConfig, 'tokens'>,
): Promise<string | undefined> {
  const base = message.trackingBaseUrl;
  if (!base) return undefined;
  const ttl = config.tokens.trackingTtlMs;
  const open = await tokens.sign('open', message.id, ttl);
  const clicks = await Promise.all(message.trackedLinks.map((_, index) => tokens.sign('click', clickSubject(message.id, index), ttl)));
  return renderTrackedHtml(message.bodyText, message.trackedLinks, {
    pixel: openPixelUrl(base, open),
    click: (index) => clickUrl(base, clicks[index]),
  });
}
