import type { FieldProblem } from '@relance/errors';

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \
const COLON = 0x3a; // :
const COMMA = 0x2c; // ,

/** A key longer than this is cut in messages: the path says where, not what. */
const KEY_SHOWN = 40;

interface Level {
  isArray: boolean;
  /** The key (object) or index (array) of the value being read at this level. */
  key: string | number;
}

/**
 * Where a JSON text nests objects and arrays deeper than `maxDepth` (the top-level value is
 * depth 1): the path of the first value past the limit, or null. The text is scanned, not
 * parsed, in one pass with no recursion and no allocation beyond `maxDepth` levels, so a
 * hostile body costs a scan rather than millions of nested arrays. It says nothing about
 * whether the text is valid JSON: the parser that runs next does.
 */
export function jsonDepthExcess(text: string, maxDepth: number): string[] | null {
  const levels: Level[] = [];
  let stringStart = -1;
  let lastString = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (stringStart >= 0) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) {
        lastString = text.slice(stringStart, i + 1);
        stringStart = -1;
      }
      continue;
    }
    const top = levels[levels.length - 1];
    if (c === QUOTE) stringStart = i;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (levels.length === maxDepth) return levels.map((level) => String(level.key));
      levels.push({ isArray: c === OPEN_ARRAY, key: c === OPEN_ARRAY ? 0 : '' });
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) levels.pop();
    else if (c === COLON && top && !top.isArray) top.key = keyOf(lastString);
    else if (c === COMMA && top?.isArray) top.key = (top.key as number) + 1;
  }
  return null;
}

/**
 * The same question about a value already parsed (a query string, a body another parser
 * read), walked with an explicit stack.
 */
export function valueDepthExcess(value: unknown, maxDepth: number): string[] | null {
  const pending: Array<{ value: unknown; path: string[] }> = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    // `path` leads to a container at depth path.length + 1.
    if (path.length === maxDepth) return path;
    // Pushed last to first, so the first value past the limit in document order is the one named.
    for (const [key, item] of Object.entries(current).reverse()) pending.push({ value: item, path: [...path, shorten(key)] });
  }
  return null;
}

/** The 400's problem: the limit and where it was passed, in the dotted form of validation errors. */
export function depthProblem(where: 'body' | 'query', path: string[], maxDepth: number): FieldProblem {
  const field = path.join('.');
  return {
    field: field || where,
    message: `the ${where} nests objects and arrays deeper than ${maxDepth} levels, the most this API reads, at ${field || 'its top'}`,
  };
}

function keyOf(quoted: string): string {
  try {
    return shorten(JSON.parse(quoted) as string);
  } catch {
    return shorten(quoted.slice(1, -1));
  }
}

function shorten(key: string): string {
  return key.length > KEY_SHOWN ? `${key.slice(0, KEY_SHOWN)}…` : key;
}
