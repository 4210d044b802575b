/**
 * The small HTML pages the public routes show people who are not users (an unsubscribe
 * confirmation, a broken link): self-contained, no scripts, kept out of search engines.
 * `title` and `body` are the caller's own markup, never raw user input.
 */
export function publicPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="robots" content="noindex">
  <title>${title}</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; color: #222; }
    button { font-size: 1rem; padding: .6rem 1.4rem; cursor: pointer; }
    .code { color: #777; font-size: .8rem; }
  </style>
</head>
<body>
  <h1>${title}</h1>
  ${body}
</body>
</html>
`;
}
