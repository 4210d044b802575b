/**
 * Finds calendar dates written in English or French prose ("Monday 14 December", "12/14/2026",
 * "le 1er janvier", "the 3rd", "vendredi"). Works on text from `normalizeProse`: lower case, no
 * accents, one line. Resolving the year and the day/month order is left to the caller.
 */
export type DateSpec =
  /** Month named or ISO: the order is known; `year` null when omitted. */
  | { kind: 'calendar'; year: number | null; month: number; day: number }
  /** Digits only ("04/05/2026"): day-first or month-first depends on who wrote it. */
  | { kind: 'numeric'; first: number; second: number; year: number | null }
  /** "the 3rd", "le 3": the next such day of a month. */
  | { kind: 'day'; day: number }
  /** "Monday", "lundi": ISO weekday, 1 = Monday. */
  | { kind: 'weekday'; weekday: number }
  /** "tomorrow", "demain". */
  | { kind: 'relative'; days: number };

export interface DateExpression {
  start: number;
  end: number;
  spec: DateSpec;
  /** "7-18 December": the expression is the end of a range written in one piece. */
  rangeEnd: boolean;
}

const MONTHS: ReadonlyArray<readonly [string, number]> = [
  ['january', 1], ['janvier', 1], ['janv', 1], ['jan', 1],
  ['february', 2], ['fevrier', 2], ['fevr', 2], ['feb', 2], ['fev', 2],
  ['march', 3], ['mars', 3], ['mar', 3],
  ['april', 4], ['avril', 4], ['apr', 4], ['avr', 4],
  ['may', 5], ['mai', 5],
  ['june', 6], ['juin', 6], ['jun', 6],
  ['july', 7], ['juillet', 7], ['juil', 7], ['jul', 7],
  ['august', 8], ['aout', 8], ['aug', 8],
  ['september', 9], ['septembre', 9], ['sept', 9], ['sep', 9],
  ['october', 10], ['octobre', 10], ['oct', 10],
  ['november', 11], ['novembre', 11], ['nov', 11],
  ['december', 12], ['decembre', 12], ['dec', 12],
];
const WEEKDAYS: ReadonlyArray<readonly [string, number]> = [
  ['monday', 1], ['lundi', 1], ['tuesday', 2], ['mardi', 2], ['wednesday', 3], ['mercredi', 3],
  ['thursday', 4], ['jeudi', 4], ['friday', 5], ['vendredi', 5], ['saturday', 6], ['samedi', 6],
  ['sunday', 7], ['dimanche', 7],
];
/**
 * Abbreviations accepted only in front of a full date: alone, "mon" is French for "my", and
 * "mar" is March in English ("mar. 14 dec" still reads as a Tuesday, the longer match winning).
 */
const WEEKDAY_ABBREVIATIONS = [
  'mon', 'tues', 'tue', 'wed', 'thurs', 'thur', 'thu', 'fri', 'sat', 'sun',
  'lun', 'mar', 'mer', 'jeu', 'ven', 'sam', 'dim',
];

const byLength = (names: readonly string[]) => [...names].sort((a, b) => b.length - a.length).join('|');
const MONTH = `(?:${byLength(MONTHS.map(([name]) => name))})\\b\\.?`;
const WEEKDAY = `(?:${byLength(WEEKDAYS.map(([name]) => name))})\\b`;
const ANY_WEEKDAY = `(?:${byLength([...WEEKDAYS.map(([name]) => name), ...WEEKDAY_ABBREVIATIONS])})\\b\\.?`;
const ORDINAL = '(?:st|nd|rd|th|er|eme|e)?';
const LEADING_WEEKDAY = `(?:${ANY_WEEKDAY},?\\s+)?`;
/** The rest of a time after its first digit: "9am", "14:00", "9h", "14h30", "5.30pm". */
const TIME_REST = String.raw`\d?(?:[:h]\d|\.\d\d(?![.\d])|\s*(?:am|pm|h)\b)`;
const YEAR_AFTER = '(?:,?\\s+(\\d{4}))?(?!\\d)';

const PATTERNS: ReadonlyArray<{ pattern: RegExp; read: (m: RegExpExecArray) => Omit<DateExpression, 'start' | 'end'> | null }> = [
  {
    // 2026-12-14
    pattern: /(?<![\d./-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d]|[./-]\d)/g,
    read: (m) => calendar(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  {
    // 14/12, 14/12/2026, 12/14/26; dots and dashes only with a year (9.30 is a time, 5.1.1 a status).
    pattern: /(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d]|[/.-]\d)/g,
    read: (m) => {
      if (m[2] !== '/' && m[4] === undefined) return null;
      const first = Number(m[1]);
      const second = Number(m[3]);
      if (first < 1 || second < 1 || (first > 12 && second > 12)) return null;
      return { spec: { kind: 'numeric', first, second, year: year(m[4]) }, rangeEnd: false };
    },
  },
  {
    // Monday 14 December 2026, the 14th of December, 7-18 decembre, 1er janvier
    pattern: new RegExp(
      `\\b${LEADING_WEEKDAY}(?:(?:the|le)\\s+)?(?:(\\d{1,2})${ORDINAL}\\s*-\\s*)?(\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+(${MONTH})${YEAR_AFTER}`,
      'g',
    ),
    read: (m) => {
      const found = calendar(year(m[4]), monthNumber(m[3]), Number(m[2]));
      return found && { ...found, rangeEnd: m[1] !== undefined };
    },
  },
  {
    // Monday, December 14th, 2026; January 5, 2027; December 7-18
    pattern: new RegExp(
      `\\b${LEADING_WEEKDAY}(${MONTH})\\s+(?:the\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s*-\\s*)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?![:/.]\\d)${YEAR_AFTER}`,
      'g',
    ),
    read: (m) => {
      const found = calendar(year(m[4]), monthNumber(m[1]), Number(m[3]));
      return found && { ...found, rangeEnd: m[2] !== undefined };
    },
  },
  {
    // the 3rd, le 3, le 1er, mardi 5, Tuesday the 5th (not followed by a month: that is the pattern above)
    pattern: new RegExp(`\\b(?:${WEEKDAY},?\\s+(?:(?:the|le)\\s+)?|(?:the|le)\\s+)(\\d{1,2})${ORDINAL}\\b(?!\\s*(?:of\\s+)?${MONTH})(?![/.:h-]?\\d)`, 'g'),
    read: (m) => {
      const day = Number(m[1]);
      return day >= 1 && day <= 31 ? { spec: { kind: 'day', day }, rangeEnd: false } : null;
    },
  },
  {
    // Monday, lundi (full names only); "Monday 14" is the pattern above, "Monday 9am" is a weekday.
    pattern: new RegExp(`\\b(${WEEKDAY})(?!,?\\s+(?:the\\s+|le\\s+)?\\d(?!${TIME_REST}))`, 'g'),
    read: (m) => ({ spec: { kind: 'weekday', weekday: weekdayNumber(m[1]) }, rangeEnd: false }),
  },
  {
    pattern: /\b(the day after tomorrow|apres-demain|apres demain|tomorrow|demain)\b/g,
    read: (m) => {
      const days = m[1].includes('apres') || m[1].includes('after') ? 2 : 1;
      return { spec: { kind: 'relative', days }, rangeEnd: false };
    },
  },
];

/** Every date expression in `text`, in order, the longest winning where two overlap. */
export function findDateExpressions(text: string): DateExpression[] {
  const found: DateExpression[] = [];
  for (const { pattern, read } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const result = read(match as RegExpExecArray);
      if (result) found.push({ start: match.index, end: match.index + match[0].length, ...result });
    }
  }
  const kept: DateExpression[] = [];
  for (const candidate of found.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = kept[kept.length - 1];
    if (!last || candidate.start >= last.end) kept.push(candidate);
    // Of two overlapping readings the longer is the more complete one; on a tie, the first.
    else if (candidate.end - candidate.start > last.end - last.start) kept[kept.length - 1] = candidate;
  }
  return kept;
}

/** Lower case, accents and typographic punctuation folded, wrapped lines joined, paragraphs marked with ¶. */
export function normalizeProse(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\r\n?/g, '\n')
    .replace(/\n[ \t>]*\n[\s>]*/g, ' ¶ ')
    .replace(/\s+/g, ' ');
}

function calendar(y: number | null, month: number, day: number): Omit<DateExpression, 'start' | 'end'> | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { spec: { kind: 'calendar', year: y, month, day }, rangeEnd: false };
}

function year(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  return text.length === 2 ? 2000 + value : value;
}

function monthNumber(name: string): number {
  const bare = name.replace(/\.$/, '');
  return MONTHS.find(([candidate]) => candidate === bare)?.[1] ?? 0;
}

function weekdayNumber(name: string): number {
  return WEEKDAYS.find(([candidate]) => candidate === name)?.[1] ?? 0;
}
