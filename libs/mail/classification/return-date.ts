import { DateTime } from 'luxon';
import { isKnownTimeZone } from '@relance/time-zones';
import { findDateExpressions, normalizeProse, type DateExpression, type DateLanguage, type DateSpec } from './date-expressions';

type Meaning = 'return' | 'until';
type Language = DateLanguage;

interface Candidate {
  meaning: Meaning;
  language: Language;
  spec: DateSpec;
}

/**
 * Words that give the date after them its meaning: the day the person is back ("back on",
 * "de retour le") or their last day away ("until", "jusqu'au"). A date no such word points at is
 * not trusted: auto-replies also mention meetings, deadlines and the quoted message's date.
 */
const KEYWORDS: ReadonlyArray<{ pattern: RegExp; meaning: Meaning; language: Language }> = [
  {
    pattern: /\b(?:back|return|returns|returning|resume|resumes|resuming|in the office again|available again|reachable again)\b/g,
    meaning: 'return',
    language: 'en',
  },
  {
    pattern:
      /\b(?:retour|reviens|reviendrai|rentre|rentrerai|reprise|reprends|reprendrai|(?:a nouveau|de nouveau) (?:disponible|joignable)|(?:disponible|joignable) (?:a nouveau|de nouveau))\b/g,
    meaning: 'return',
    language: 'fr',
  },
  // "available from 4 January", "joignable à partir du 5": the first day back. Only with the
  // adjective, since "on leave from 7 December" is when the absence starts; never after a negation.
  {
    pattern: /(?<!(?:\bnot|n't)(?: be)? )\b(?:available|reachable) (?:again )?(?:from|as of|starting)\b/g,
    meaning: 'return',
    language: 'en',
  },
  {
    pattern: /(?<!\b(?:pas|plus) )\b(?:disponible|joignable)s? (?:a partir|a compter|des)\b/g,
    meaning: 'return',
    language: 'fr',
  },
  { pattern: /\b(?:until|till|til|through|thru|up to and including)\b/g, meaning: 'until', language: 'en' },
  { pattern: /\bjusqu' ?(?:au|aux|a)\b/g, meaning: 'until', language: 'fr' },
  // German, Spanish, Italian, Dutch. "ab" / "vanaf" (from) start an absence as often as they end
  // one: only when "wieder" / "weer" (again) follows in the sentence do they name the return.
  {
    pattern: /\b(?:zuruck|zuruckkehren|wieder (?:da|erreichbar|im buro|im hause?|verfugbar|im dienst|zuruck))\b|\b(?:erreichbar|verfugbar) ab\b|\bab (?:dem |den )?(?=[^¶!?;]{0,40}\bwieder\b)/g,
    meaning: 'return',
    language: 'de',
  },
  { pattern: /\bbis\b/g, meaning: 'until', language: 'de' },
  {
    pattern: /\b(?:de vuelta|regreso|regresare|vuelvo|volvere|me reincorporo|me reincorporare|reincorporacion|de nuevo en la oficina|(?:disponible|localizable) (?:de nuevo|nuevamente|a partir del?))\b/g,
    meaning: 'return',
    language: 'es',
  },
  { pattern: /\bhasta\b/g, meaning: 'until', language: 'es' },
  {
    pattern: /\b(?:rientro|rientrero|ritorno|ritornero|torno|tornero|di ritorno|di nuovo (?:in ufficio|disponibile|raggiungibile)|nuovamente (?:in ufficio|disponibile|raggiungibile)|(?:disponibile|raggiungibile) (?:dal|a partire dal))\b/g,
    meaning: 'return',
    language: 'it',
  },
  { pattern: /\b(?:fino (?:al|a|all'|alle)|sino al)\b/g, meaning: 'until', language: 'it' },
  {
    pattern: /\b(?:terug|weer (?:aanwezig|beschikbaar|bereikbaar|op kantoor|terug))\b|\b(?:aanwezig|beschikbaar|bereikbaar) (?:vanaf|op)\b|\bvanaf (?=[^¶!?;]{0,40}\bweer\b)/g,
    meaning: 'return',
    language: 'nl',
  },
  { pattern: /\btot(?: en met)?\b/g, meaning: 'until', language: 'nl' },
];
/**
 * Words after the date that make it the return: German and Dutch put "again" after it ("am
 * 5. Januar wieder im Büro", "op 5 januari weer aanwezig"). Read up to the sentence's end.
 */
const TRAILING_KEYWORDS: ReadonlyArray<{ pattern: RegExp; meaning: Meaning; language: Language }> = [
  { pattern: /^[^.¶!?;]{0,25}?\bwieder\b/, meaning: 'return', language: 'de' },
  { pattern: /^[^.¶!?;]{0,25}?\bweer\b/, meaning: 'return', language: 'nl' },
];
/**
 * The second date of "between 7 and 18 December", "entre le 7 et le 18 décembre", "del 21 de
 * diciembre al 4 de enero" or "dal 21 dicembre al 4 gennaio" when chrono reads them apart; "from … to …", "du … au …" and "21 Dec - 3 Jan" come as chrono's ranges.
 */
const RANGE_ENDS: ReadonlyArray<{ pattern: RegExp; language: Language }> = [
  { pattern: /\b(?:du|entre)\s[^¶!?;]{1,40}?\b(?:au|et)(?:\sle)?\s*$/, language: 'fr' },
  { pattern: /\b(?:from|between)\s[^¶!?;]{1,40}?(?:\b(?:to|and)|-)(?:\sthe)?\s*$/, language: 'en' },
  { pattern: /\b(?:del|desde el|entre el)\s[^¶!?;]{1,40}?\b(?:al|y el)\s*$/, language: 'es' },
  { pattern: /\b(?:dal|dall'|tra il)\s?[^¶!?;]{1,40}?\b(?:al|all'|e il)\s?$/, language: 'it' },
];
/** How far a keyword may stand before its date, and what it may not reach across. */
const KEYWORD_REACH = 50;
const SENTENCE_BREAK = /[¶!?;]|\.(?:\s|$)/;
const RANGE_REACH = 60;

/** A return further away than this is not believed (a typo'd year, a sabbatical, a spam). */
const MAX_DAYS_AHEAD = 365;
/**
 * "Back on 31 December" read on 5 January: the responder outlived the absence, not a year-long
 * one. A yearless date this recently past is not rolled on to next year.
 */
const STALE_DAYS = 90;
const RETURN_HOUR = 9;
/** Auto-replies state the return near the top; a bound keeps a huge body from costing much. */
const MAX_TEXT_CHARS = 20_000;
/** English digits are read month-first (US) unless the person's zone says they live elsewhere. */
const MONTH_FIRST_ZONES = /^(?:America\/|US\/|Canada\/|Pacific\/Honolulu$|UTC$|Etc\/UTC$)/;

/**
 * The moment the author of an auto-reply is back at work, read from its text in English, French,
 * German, Spanish, Italian or Dutch: 09:00 in `timeZone` (default UTC; an unknown zone falls back to UTC) on the return day.
 * "until X" / "jusqu'au X" / "bis X" / "hasta X" / "fino al X" / "tot en met X" name the last day away, so the return is the day after X. A date
 * without a year is the next one on or after the day `received`; "the 3rd" and weekdays the
 * next one strictly after it. Null when no date is credible: none found, in the past, or more
 * than a year ahead.
 */
export function findReturnDate(text: string, received: Date, timeZone = 'UTC'): Date | null {
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const receivedAt = DateTime.fromJSDate(received, { zone });
  if (!receivedAt.isValid) return null;
  const receivedDay = receivedAt.startOf('day');
  const reference = { instant: received, timezone: receivedAt.offset };
  const candidates = findCandidates(normalizeProse(text.slice(0, MAX_TEXT_CHARS)), reference);
  const context: Context = { zone, receivedDay, monthFirst: MONTH_FIRST_ZONES.test(zone) };

  const explicit = (c: Candidate) => c.spec.kind === 'calendar' || c.spec.kind === 'numeric';
  const explicitReturns = candidates.filter((c) => c.meaning === 'return' && explicit(c));
  const explicitUntils = candidates.filter((c) => c.meaning === 'until' && explicit(c));
  const vagueReturns = candidates.filter((c) => c.meaning === 'return' && !explicit(c));
  const vagueUntils = candidates.filter((c) => c.meaning === 'until' && !explicit(c));

  const afterUntil = firstCredible(explicitUntils, context, receivedDay);
  const day =
    firstCredible(explicitReturns, context, receivedDay) ??
    // "until Friday 18 December, back on Monday": that Monday comes after the 18th.
    (afterUntil && firstCredible(vagueReturns, context, afterUntil.minus({ days: 1 }))) ??
    afterUntil ??
    firstCredible(vagueReturns, context, receivedDay) ??
    firstCredible(vagueUntils, context, receivedDay);
  if (!day) return null;
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: RETURN_HOUR }, { zone }).toJSDate();
}

interface Context {
  zone: string;
  receivedDay: DateTime;
  monthFirst: boolean;
}

function findCandidates(text: string, reference: { instant: Date; timezone: number }): Candidate[] {
  const expressions = findDateExpressions(text, reference);
  const bound = new Map<DateExpression, Omit<Candidate, 'spec'> & { keywordEnd: number }>();
  for (const keyword of KEYWORDS) {
    for (const match of text.matchAll(keyword.pattern)) {
      const keywordEnd = match.index + match[0].length;
      // A keyword speaks for the first date after it, in the same sentence.
      const target = expressions.find((expression) => expression.start >= keywordEnd);
      if (!target || target.start - keywordEnd > KEYWORD_REACH) continue;
      if (SENTENCE_BREAK.test(text.slice(keywordEnd, target.start))) continue;
      // The keyword nearest the date wins: "until I am back on Monday" means back on Monday.
      const previous = bound.get(target);
      if (previous && previous.keywordEnd > keywordEnd) continue;
      bound.set(target, { meaning: keyword.meaning, language: keyword.language, keywordEnd });
    }
  }
  for (const expression of expressions) {
    if (bound.has(expression)) continue;
    const after = text.slice(expression.end, expression.end + 40);
    const trailing = TRAILING_KEYWORDS.find(({ pattern }) => pattern.test(after));
    if (trailing) bound.set(expression, { meaning: trailing.meaning, language: trailing.language, keywordEnd: expression.start });
  }
  return expressions.flatMap((expression) => {
    const keyword = bound.get(expression);
    const rangeLanguage = keyword ? null : rangeEnd(text, expression);
    const { spec } = expression;
    const candidates: Candidate[] = [];
    if (keyword && spec) candidates.push({ meaning: keyword.meaning, language: keyword.language, spec });
    else if (rangeLanguage && spec) candidates.push({ meaning: 'until', language: rangeLanguage, spec });
    // "du 7 au 18 décembre": the 18th is the last day away, whatever the 7th is bound to.
    if (expression.rangeEnd) candidates.push({ meaning: 'until', ...expression.rangeEnd });
    return candidates;
  });
}

/** The language of "between … and" / "entre … et" just before `expression`, which makes it a range's end. */
function rangeEnd(text: string, expression: DateExpression): Language | null {
  const before = text.slice(Math.max(0, expression.start - RANGE_REACH), expression.start);
  return RANGE_ENDS.find(({ pattern }) => pattern.test(before))?.language ?? null;
}

/** The return day of the first candidate that gives a credible one, searching from `anchor`. */
function firstCredible(candidates: readonly Candidate[], context: Context, anchor: DateTime): DateTime | null {
  for (const candidate of candidates) {
    for (const named of readings(candidate, context, anchor)) {
      const day = candidate.meaning === 'until' ? named.plus({ days: 1 }) : named;
      const ahead = day.diff(context.receivedDay, 'days').days;
      if (ahead >= 0 && ahead <= MAX_DAYS_AHEAD) return day;
    }
  }
  return null;
}

/**
 * The calendar days a candidate may name, the likeliest first. Vague forms fall strictly after
 * `anchor`, dated ones on or after it.
 */
function readings(candidate: Candidate, context: Context, anchor: DateTime): DateTime[] {
  const { spec } = candidate;
  const found = (day: DateTime | null) => (day ? [day] : []);
  switch (spec.kind) {
    case 'calendar':
      return found(onOrAfter(spec.year, spec.month, spec.day, context));
    case 'numeric':
      // "12/07/2026" written on 27 November: 12 July is past, so it can only be 7 December.
      return numericOrders(spec.first, spec.second, candidate.language === 'en' && context.monthFirst).flatMap((order) =>
        found(onOrAfter(spec.year, order.month, order.day, context)),
      );
    case 'day':
      for (let months = 0; months <= 12; months += 1) {
        const month = anchor.startOf('month').plus({ months });
        const day = DateTime.fromObject({ year: month.year, month: month.month, day: spec.day }, { zone: context.zone });
        if (day.isValid && day > anchor) return [day];
      }
      return [];
    case 'weekday':
      return [anchor.plus({ days: (spec.weekday - anchor.weekday + 7) % 7 || 7 })];
    case 'relative':
      return [context.receivedDay.plus({ days: spec.days })];
  }
}

/** Both orders when the digits allow both, the writer's likely one first. */
function numericOrders(first: number, second: number, monthFirst: boolean): Array<{ month: number; day: number }> {
  if (first > 12) return [{ day: first, month: second }];
  if (second > 12) return [{ month: first, day: second }];
  const monthFirstOrder = { month: first, day: second };
  const dayFirstOrder = { day: first, month: second };
  return monthFirst ? [monthFirstOrder, dayFirstOrder] : [dayFirstOrder, monthFirstOrder];
}

/**
 * The given date, or without a year the first such date on or after the received day; null when
 * that date went by within STALE_DAYS (a responder left on after its author came back).
 */
function onOrAfter(year: number | null, month: number, day: number, context: Context): DateTime | null {
  if (year !== null) {
    const date = DateTime.fromObject({ year, month, day }, { zone: context.zone });
    return date.isValid ? date : null;
  }
  const { receivedDay } = context;
  const last = DateTime.fromObject({ year: receivedDay.year - 1, month, day }, { zone: context.zone });
  const thisYear = DateTime.fromObject({ year: receivedDay.year, month, day }, { zone: context.zone });
  const latestPast = thisYear.isValid && thisYear < receivedDay ? thisYear : last.isValid ? last : null;
  if (latestPast && receivedDay.diff(latestPast, 'days').days <= STALE_DAYS) return null;
  // Up to four years on for 29 February; anything past a year is rejected by the caller.
  for (let offset = 0; offset <= 4; offset += 1) {
    const date = DateTime.fromObject({ year: receivedDay.year + offset, month, day }, { zone: context.zone });
    if (date.isValid && date >= receivedDay) return date;
  }
  return null;
}
