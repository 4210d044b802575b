/**
 * CSV cells as a spreadsheet will read them. A text starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return is a formula to Excel, LibreOffice and Sheets (CSV injection: a prospect
 * named `=HYPERLINK(...)` would run on the customer's machine); a leading apostrophe makes it
 * text again, as OWASP advises. Only text is neutralised: numbers, dates and booleans are
 * written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One database value as a CSV cell: null empty, dates ISO, jsonb and arrays as JSON, text neutralised. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return neutraliseCell(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return neutraliseCell(JSON.stringify(value));
}
