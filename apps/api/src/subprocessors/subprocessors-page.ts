import escapeHtml from 'escape-html';
import type { EffectiveRegistry } from '@relance/subprocessors';
import { FIELD_LABELS, SUBPROCESSOR_FIELDS } from '@relance/subprocessors';

const KIND_WORDS = { added: 'Added', updated: 'Changes', retired: 'Retired' } as const;

/**
 * The public list as a plain HTML page: no script, no external resource. Every value is escaped:
 * staff type them, and a name like `<b>` must show as written.
 */
export function subprocessorsPage(registry: EffectiveRegistry, generatedAt: Date): string {
  const head = SUBPROCESSOR_FIELDS.map((field) => `<th scope="col">${FIELD_LABELS[field]}</th>`).join('');
  const rows = registry.current
    .map((entry) => `<tr>${SUBPROCESSOR_FIELDS.map((field) => `<td>${escapeHtml(entry[field])}</td>`).join('')}</tr>`)
    .join('\n      ');
  const upcoming = registry.upcoming.length === 0
    ? '<p>No change is announced.</p>'
    : `<ul>\n      ${registry.upcoming.map((change) => `<li><strong>${escapeHtml(change.name)}</strong>: ${KIND_WORDS[change.kind]} on `
      + `<time datetime="${change.effectiveAt.toISOString()}">${change.effectiveAt.toISOString()}</time>`
      + `${describeChanges(change.kind, change.changes)}</li>`).join('\n      ')}\n    </ul>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Relance subprocessors</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 2rem auto; padding: 0 1rem; max-width: 80rem; color: #222; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border: 1px solid #ccc; padding: .4rem .6rem; text-align: left; vertical-align: top; }
    .when { color: #555; }
  </style>
</head>
<body>
  <h1>Relance subprocessors</h1>
  <p class="when">As of <time datetime="${generatedAt.toISOString()}">${generatedAt.toISOString()}</time>. The same list as JSON: <a href="/v1/subprocessors">/v1/subprocessors</a>.</p>
  <h2>Upcoming changes</h2>
  ${upcoming}
  <h2>Current subprocessors (${registry.current.length})</h2>
  <table>
    <thead><tr>${head}</tr></thead>
    <tbody>
      ${rows}
    </tbody>
  </table>
</body>
</html>
`;
}

function describeChanges(kind: keyof typeof KIND_WORDS, changes: EffectiveRegistry['upcoming'][number]['changes']): string {
  if (kind !== 'updated') return '';
  const parts = Object.entries(changes).map(([field, { before, after }]) =>
    `${FIELD_LABELS[field as keyof typeof FIELD_LABELS] ?? escapeHtml(field)}: ${escapeHtml(before ?? '')} → ${escapeHtml(after)}`);
  return ` (${parts.join('; ')})`;
}
