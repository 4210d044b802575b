/**
 * What a log line may not carry, declared once. Logs carry ids; these are the second line of
 * defence for the day a prospect, a rep or a secret slips into a logged object anyway.
 *
 * Names are compared without case, `_` or `-` (`smtp_password` is `smtpPassword`), at any depth.
 */
const PERSONAL_FIELDS = [
  // Who a prospect, a rep or a staff member is (prospect and mailbox columns, API bodies).
  'email', 'emails', 'emailAddress', 'address', 'addresses', 'toAddress', 'toAddresses', 'fromAddress',
  'to', 'from', 'cc', 'bcc', 'replyTo', 'sender', 'recipient', 'recipients', 'envelope',
  'name', 'firstName', 'lastName', 'fullName', 'displayName', 'ownerName', 'ownerEmail',
  'company', 'position', 'phone', 'customFields', 'custom', 'user', 'username',
  // What was written to them or by them (outbox rows, inbound mail, SMTP commands).
  'subject', 'body', 'bodyText', 'text', 'html', 'raw', 'quotedText', 'content',
  // Where a visitor came from (tracking): personal data too.
  'ip', 'ipAddress', 'userAgent',
] as const;

const SECRET_FIELDS = [
  'password', 'smtpPassword', 'imapPassword', 'pass', 'passwd', 'secret', 'secrets', 'credentials', 'auth',
  'token', 'accessToken', 'refreshToken', 'apiKey', 'authorization', 'cookie', 'setCookie',
  'masterKeys', 'payloadKeys', 'signingKeys', 'hashKey', 'privateKey', 'vaultKey', 'dataKey', 'sealed',
] as const;

export const REDACTED_FIELDS: readonly string[] = [...PERSONAL_FIELDS, ...SECRET_FIELDS];

export const REDACTED = '[redacted]';
export const MASKED_EMAIL = '[email]';

const normalise = (field: string) => field.toLowerCase().replace(/[-_]/g, '');
const REDACTED_NAMES = new Set(REDACTED_FIELDS.map(normalise));

export function isRedactedField(field: string): boolean {
  return REDACTED_NAMES.has(normalise(field));
}

/**
 * Anything shaped like an e-mail address, URL-encoded ones included: a prospect's address hides
 * in error messages (`550 5.1.1 <ada@x.com> user unknown`), SMTP replies, SQL errors. Quotes,
 * brackets, commas and backslashes end it, so it can run over a serialised JSON line too; so do
 * `/ ? & =`, so a query string keeps its path (`?email=[email]`). Bounded by the RFC's lengths
 * (64, 255), so a long run of text without an address costs linear time, not quadratic.
 */
const EMAIL_ADDRESS = /[^\s<>()[\]{}"'`,;:@\\/?&=]{1,64}(?:@|%40)[^\s<>()[\]{}"'`,;:@\\/?&=%]{1,255}/gi;

export function maskEmailAddresses(text: string): string {
  return text.replace(EMAIL_ADDRESS, MASKED_EMAIL);
}

/** Past this many values an object is cut short: a log line is not a data dump. */
const MAX_VALUES = 5_000;

type Container = Record<string, unknown> | unknown[];

/**
 * A copy of `value` fit for a log line: fields named in REDACTED_FIELDS replaced at any depth,
 * e-mail addresses masked in every string, errors turned into { type, message, stack, ... }
 * (their message and stack masked too; JSON would otherwise drop both). Walks with an explicit
 * stack, so depth costs no recursion; an object met a second time (a cycle, or shared) is
 * written once and then marked.
 */
export function redactForLog(value: unknown): unknown {
  const seen = new Set<object>();
  const root: { value?: unknown } = {};
  const work: Array<{ source: unknown; target: Container | typeof root; key: string | number }> = [
    { source: value, target: root, key: 'value' },
  ];
  let budget = MAX_VALUES;
  while (work.length > 0) {
    const { source, target, key } = work.pop()!;
    const put = (copy: unknown) => ((target as Record<string | number, unknown>)[key] = copy);
    if (budget-- <= 0) {
      put('[truncated]');
      continue;
    }
    if (typeof source === 'string') put(maskEmailAddresses(source));
    else if (typeof source === 'bigint') put(source.toString());
    else if (typeof source === 'function' || typeof source === 'symbol') put(undefined);
    else if (source === null || typeof source !== 'object') put(source);
    else if (source instanceof Date) put(Number.isNaN(source.getTime()) ? 'Invalid Date' : source.toISOString());
    else if (ArrayBuffer.isView(source) || source instanceof ArrayBuffer) put(`[${source.byteLength} bytes]`);
    else if (seen.has(source)) put('[seen]');
    else {
      seen.add(source);
      const copy: Container = Array.isArray(source) || source instanceof Set ? [] : {};
      put(copy);
      const entries = entriesOf(source);
      for (const [field, child] of entries) {
        if (typeof field === 'string' && !Array.isArray(copy) && isRedactedField(field)) {
          copy[field] = REDACTED;
        } else {
          work.push({ source: child, target: copy, key: field });
        }
      }
    }
  }
  return root.value;
}

function entriesOf(source: object): Array<[string | number, unknown]> {
  if (Array.isArray(source)) return source.map((item, index) => [index, item]);
  if (source instanceof Map) return [...source.entries()].map(([key, item]) => [String(key), item]);
  if (source instanceof Set) return [...source.values()].map((item, index) => [index, item]);
  if (source instanceof Error) {
    // message, stack and cause are not enumerable; the rest (code, type, details) is, and wins.
    const own = Object.entries(source).filter(([field]) => field !== 'cause');
    const cause = (source as { cause?: unknown }).cause;
    const base: Array<[string, unknown]> = [['type', source.name], ['message', source.message], ['stack', source.stack]];
    return [
      ...base.filter(([field]) => !own.some(([ownField]) => ownField === field)),
      ...own,
      ...(cause === undefined ? [] : [['cause', cause] as [string, unknown]]),
    ];
  }
  return Object.entries(source);
}
