/**
 * Separates what a person just wrote from the history their client quoted under (or around) it.
 *
 * Written here rather than taken from npm: `email-reply-parser` needs the native `re2` module and
 * Node 22, and `planer` (no types, last release 2024) returns only the reply, keeps signatures and
 * does not say where the quote began.
 */
export interface SplitText {
  /** The new text, without quoted lines, attribution headers or signature. */
  reply: string;
  /** Quoted lines and everything after the first unprefixed quoted block, in order. */
  quoted: string;
  /** What follows a `-- ` delimiter or a mobile footer ("Sent from my iPhone") in the reply. */
  signature: string;
}

/**
 * "On <date>, <name> wrote:" and its siblings; the attribution may wrap over up to 3 lines.
 * German and Dutch clients put the verb before the name: "Am <date> schrieb <name>:".
 */
const ATTRIBUTION_START = /^(?:on|le|am|el|il|op)\s/i;
const ATTRIBUTION_END =
  /(?:\bwrote|\ba\s+écrit|\bschrieb|\bescribió|\bha\s+scritto|\bschreef)\s*:?$|\b(?:schrieb|schreef)\s.*:$/i;
const ATTRIBUTION_MAX_LINES = 3;
const ATTRIBUTION_MAX_CHARS = 300;

/** Separators after which nothing is the sender's own text (Outlook and forwards do not prefix `>`). */
const SEPARATOR = new RegExp(
  [
    // "Mail original" is Zimbra's, common at French providers and companies.
    String.raw`^-{2,}\s*(?:original message|message d'origine|message original|mail original|ursprüngliche nachricht|mensaje original)\s*-{2,}$`,
    String.raw`^-{2,}\s*(?:forwarded message|message transféré|weitergeleitete nachricht)\s*-{2,}$`,
    String.raw`^(?:begin forwarded message|début du message réexpédié)\s*:$`,
  ].join('|'),
  'i',
);
/** A header block of a quoted message: "From:" then, within a few lines, "Sent:", "To:", "Subject:"… */
const HEADER_FROM = /^(?:from|de|von)\s*:\s*\S/i;
const HEADER_NEXT = /^(?:sent|date|to|cc|subject|envoyé|à|a|objet|gesendet|an|betreff)\s*:/i;
const HEADER_WINDOW = 5;
/** Outlook's HTML-to-text rule line above the header block. */
const RULE_LINE = /^_{10,}$/;

const SIGNATURE_DELIMITER = /^--\s*$/;
const MOBILE_FOOTER = /^(?:sent from my\s|envoyé de mon\s|envoyé depuis mon\s|get outlook for\s|obtenir outlook pour\s)/i;

export function splitQuoted(text: string): SplitText {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const reply: string[] = [];
  const quoted: string[] = [];
  const signature: string[] = [];
  let inSignature = false;

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    if (isQuotedLine(line)) {
      quoted.push(line);
      continue;
    }
    const attribution = attributionLength(lines, i);
    if (attribution > 0) {
      const block = lines.slice(i, i + attribution);
      // A bottom-posted or inline reply quotes with `>` after the attribution and writes below
      // it; a client that did not prefix the quote leaves nothing of the sender below it.
      if (!isQuotedLine(nextNonBlank(lines, i + attribution) ?? '')) return finish(lines.slice(i));
      quoted.push(...block);
      i += attribution - 1;
      continue;
    }
    if (startsUnprefixedQuote(lines, i)) return finish(lines.slice(i));
    if (!inSignature && (SIGNATURE_DELIMITER.test(line) || MOBILE_FOOTER.test(line.trim()))) {
      inSignature = true;
      if (!SIGNATURE_DELIMITER.test(line)) signature.push(line);
      continue;
    }
    (inSignature ? signature : reply).push(line);
  }
  return finish([]);

  function finish(rest: string[]): SplitText {
    return { reply: block(reply), quoted: block([...quoted, ...rest]), signature: block(signature) };
  }
}

function isQuotedLine(line: string): boolean {
  return /^[ \t]*>/.test(line);
}

/** How many lines, from `index`, make an attribution header; 0 when they do not. */
function attributionLength(lines: readonly string[], index: number): number {
  const first = clean(lines[index]);
  if (!ATTRIBUTION_START.test(first)) return 0;
  let joined = first;
  for (let count = 1; count <= ATTRIBUTION_MAX_LINES && index + count <= lines.length; count += 1) {
    if (count > 1) {
      const next = clean(lines[index + count - 1]);
      if (next === '' || isQuotedLine(lines[index + count - 1])) return 0;
      joined = `${joined} ${next}`;
    }
    if (joined.length > ATTRIBUTION_MAX_CHARS) return 0;
    if (ATTRIBUTION_END.test(joined)) return count;
  }
  return 0;
}

function startsUnprefixedQuote(lines: readonly string[], index: number): boolean {
  const line = clean(lines[index]);
  if (SEPARATOR.test(line)) return true;
  if (RULE_LINE.test(line)) {
    const next = nextNonBlank(lines, index + 1);
    return next !== undefined && HEADER_FROM.test(clean(next));
  }
  if (!HEADER_FROM.test(line)) return false;
  for (let j = index + 1; j < Math.min(lines.length, index + 1 + HEADER_WINDOW); j += 1) {
    if (HEADER_NEXT.test(clean(lines[j]))) return true;
  }
  return false;
}

function nextNonBlank(lines: readonly string[], from: number): string | undefined {
  for (let j = from; j < lines.length; j += 1) if (lines[j].trim() !== '') return lines[j];
  return undefined;
}

/** Trims, turns no-break spaces into spaces and drops the `*` that HTML-to-text puts around bold labels. */
function clean(line: string): string {
  return line.replace(/\u00a0/g, ' ').replace(/\*/g, '').trim();
}

/** Joins lines and drops the blank lines around them. */
function block(lines: readonly string[]): string {
  return lines.join('\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}
