/**
 * The browser family of a User-Agent, coarsely: the policy promises "browser type", and a
 * family shared by millions says nothing about one person, where the full string (versions,
 * OS build, extensions) can single one out. Only the family is ever stored.
 *
 * Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
 */
const FAMILIES: readonly [RegExp, string][] = [
  [/bot\b|crawler|spider|slurp/i, 'Bot'],
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\/|\bMobile\/\w+ Safari\//, 'Safari'],
  [/^curl\//i, 'curl'],
  [/^(node|undici|node-fetch|axios|got)\b/i, 'Node.js'],
  [/^python-|^Python-urllib/i, 'Python'],
  [/^Go-http-client\//, 'Go'],
  [/^PostmanRuntime\//, 'Postman'],
];

export function browserFamily(userAgent: string | string[] | undefined | null): string | null {
  const text = Array.isArray(userAgent) ? userAgent[0] : userAgent;
  if (typeof text !== 'string' || text.trim() === '') return null;
  for (const [pattern, family] of FAMILIES) if (pattern.test(text)) return family;
  return 'Other';
}
