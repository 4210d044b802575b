import { de, en, es, fr, it, nl, type ParsedComponents, type ParsedResult } from 'chrono-node';

/**
 * Finds calendar dates written in English, French, German, Spanish, Italian or Dutch prose with
 * chrono-node's parsers for those languages, and says
 * what each literally names (DateSpec): choosing the year, the order of ambiguous digits and the
 * day a person is back is left to the caller. A few rules sit on top where chrono falls short.
 * Works on text from `normalizeProse`: lower case, no accents, one line.
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
  /** "tomorrow", "demain", "in 3 days": days after the day received. */
  | { kind: 'relative'; days: number };

export interface DateExpression {
  start: number;
  end: number;
  /** The date, or the first of a range; null for a range from "today" or "now". */
  spec: DateSpec | null;
  /**
   * The last day of "7-18 December", "du 7 au 18 décembre", and the language of the parser that
   * read the range (its joint tells how the writer orders digits); null for a single date.
   */
  rangeEnd: { spec: DateSpec; language: DateLanguage } | null;
}

export type DateLanguage = 'en' | 'fr' | 'de' | 'es' | 'it' | 'nl';

const PARSERS = [
  { language: 'en', parser: en },
  { language: 'fr', parser: fr },
  { language: 'de', parser: de },
  { language: 'es', parser: es },
  { language: 'it', parser: it },
  { language: 'nl', parser: nl },
] as const;
type Reference = { instant: Date; timezone: number };
const DAY_MS = 86_400_000;

/** chrono reads digits in its own locale's order; they are re-read so the caller can weigh both. */
const DIGITS = /(?<![\d./-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d]|[/.-]\d)/g;
/** chrono takes "mon" (French "my"), "mer" (sea) or "sun" alone for weekdays: only full names stand alone. */
const BARE_ABBREVIATION =
  /^(?:on |le |am |el |il |op )?(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|lun|mar|mer|jeu|ven|sam|dim|mo|di|mi|do|fr|sa|so|mie|jue|vie|sab|dom|gio|ma|wo|za|zo)[.,]?$/;
/** "mar. 14 dec", "monday the 14th of december": chrono finds the weekday and the date apart. */
const WEEKDAY_TO_DATE = /^[\s,.]*(?:(?:the|le|den|el|il)\s+)?$/;
const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';

/** What chrono does not read; on a tie with chrono's reading of the same words, these win. */
const RULES: ReadonlyArray<{ pattern: RegExp; spec: (m: RegExpExecArray) => DateSpec | null }> = [
  {
    // "the 3rd", "le 1er", "mardi 8" (chrono: 8 o'clock), "Tuesday the 5th": a day of a month left unnamed.
    pattern: new RegExp(String.raw`\b(?:(?:${WEEKDAYS}),?\s+(?:(?:the|le)\s+)?|(?:the|le)\s+)(\d{1,2})(?:st|nd|rd|th|er|eme|e)?\b(?![/.:h-]?\d)`, 'g'),
    spec: (m) => (Number(m[1]) >= 1 && Number(m[1]) <= 31 ? { kind: 'day', day: Number(m[1]) } : null),
  },
  {
    // chrono checks a yearless day against the reference year, so 29 February is lost 3 years in 4.
    pattern: /\b(?:(?:the\s+)?29(?:th|e)?\s+(?:of\s+)?(?:february|feb|fevrier|fevr|fev)|(?:february|feb)\.?\s+(?:the\s+)?29(?:th)?)\b\.?(?:,?\s+(\d{4}))?(?!\d)/g,
    spec: (m) => ({ kind: 'calendar', year: m[1] ? Number(m[1]) : null, month: 2, day: 29 }),
  },
  {
    // German "bis 4.1." / "ab dem 5.1.": day and month with a closing dot and no year, which chrono
    // does not read (a dot between digits without a year is otherwise a time or a version).
    pattern: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?![\d])/g,
    spec: (m) => (Number(m[1]) <= 31 && Number(m[2]) <= 12 ? { kind: 'calendar', year: null, month: Number(m[2]), day: Number(m[1]) } : null),
  },
  {
    // chrono.fr reads only "demain" in it.
    pattern: /\bapres[- ]demain\b/g,
    spec: () => ({ kind: 'relative', days: 2 }),
  },
];

/**
 * Every date expression in `text`, in order, the longest winning where two overlap. `reference`:
 * when the text was received and the writer's UTC offset then, in minutes.
 */
export function findDateExpressions(text: string, reference: Reference): DateExpression[] {
  const found: DateExpression[] = [];
  for (const { pattern, spec } of RULES) {
    for (const match of text.matchAll(pattern)) {
      const read = spec(match as RegExpExecArray);
      if (read) found.push({ start: match.index, end: match.index + match[0].length, spec: read, rangeEnd: null });
    }
  }
  for (const { language, parser } of PARSERS) {
    for (const result of joinWeekdays(text, parser.parse(text, reference))) {
      if (BARE_ABBREVIATION.test(result.text)) continue;
      const expression = readResult(result, language, reference);
      if (expression) found.push(expression);
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

type Reading = Pick<ParsedResult, 'index' | 'text' | 'start' | 'end'>;

/** A weekday alone followed by a date is one expression: the date's, starting at the weekday. */
function joinWeekdays(text: string, results: readonly ParsedResult[]): Reading[] {
  const joined: Reading[] = [];
  for (const result of results) {
    const previous = joined[joined.length - 1];
    const between = previous ? text.slice(previous.index + previous.text.length, result.index) : '';
    const joins = previous && isWeekdayOnly(previous.start) && !previous.end && result.start.isCertain('day');
    if (joins && WEEKDAY_TO_DATE.test(between)) {
      joined[joined.length - 1] = { ...result, index: previous.index, text: text.slice(previous.index, result.index + result.text.length) };
    } else {
      joined.push(result);
    }
  }
  return joined;
}

function isWeekdayOnly(components: ParsedComponents): boolean {
  return components.isCertain('weekday') && !components.isCertain('day');
}

function readResult(result: Reading, language: DateLanguage, reference: Reference): DateExpression | null {
  const [first, second] = result.text.matchAll(DIGITS);
  const spec = specOf(result.start, first, reference);
  const endSpec = result.end && specOf(result.end, second, reference);
  const rangeEnd = endSpec ? { spec: endSpec, language } : null;
  if (!spec && !rangeEnd) return null;
  return { start: result.index, end: result.index + result.text.length, spec, rangeEnd };
}

/** What the words say: null for a month alone, a time of day, or today. */
function specOf(components: ParsedComponents, digits: RegExpMatchArray | undefined, reference: Reference): DateSpec | null {
  const numeric = digits && numericSpec(digits);
  if (numeric) return numeric;
  if ([...components.tags()].some((tag) => tag === 'result/relativeDate' || tag.startsWith('casualReference/'))) {
    // The components chrono fills for these depend on the process's time zone; the instant does not.
    const days = localDay(components.date(), reference.timezone) - localDay(reference.instant, reference.timezone);
    return days > 0 ? { kind: 'relative', days } : null;
  }
  if (components.isCertain('day') && components.isCertain('month')) {
    const year = components.isCertain('year') ? components.get('year') : null;
    return { kind: 'calendar', year, month: components.get('month')!, day: components.get('day')! };
  }
  if (components.isCertain('weekday')) return { kind: 'weekday', weekday: components.get('weekday') || 7 };
  return null;
}

function localDay(instant: Date, offsetMinutes: number): number {
  return Math.floor((instant.getTime() + offsetMinutes * 60_000) / DAY_MS);
}

/** 14/12, 14/12/2026, 12/14/26; dots and dashes only with a year (9.30 is a time, 7-18 a range of days). */
function numericSpec(match: RegExpMatchArray): DateSpec | null {
  if (match[2] !== '/' && match[4] === undefined) return null;
  const first = Number(match[1]);
  const second = Number(match[3]);
  if (first < 1 || second < 1 || (first > 12 && second > 12)) return null;
  const year = match[4] === undefined ? null : Number(match[4]) + (match[4].length === 2 ? 2000 : 0);
  return { kind: 'numeric', first, second, year };
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
    .replace(/\n[ \t]*\n[\s>]*/g, ' ¶ ')
    .replace(/\s+/g, ' ');
}
