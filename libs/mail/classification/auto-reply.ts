/**
 * Signs that a message was sent by a program answering on someone's behalf (vacation responder,
 * out-of-office rule) rather than by the person.
 */
export type AutoReplyReason =
  /** RFC 3834 `Auto-Submitted` with any value but `no`. */
  | 'auto_submitted'
  | 'x_autoreply'
  | 'x_autorespond'
  /** `Precedence: auto_reply`, or `bulk` / `junk` outside a mailing list. */
  | 'precedence'
  /** Microsoft's request not to be answered automatically, set by Exchange on its own auto-replies. */
  | 'x_auto_response_suppress'
  /** `Return-Path: <>`: sent with the null sender that RFC 3834 asks auto-responders to use. */
  | 'null_return_path'
  /** An out-of-office subject ("Automatic reply:", "Absent du bureau", …) with no header saying so. */
  | 'subject'
  /**
   * The address is gone: "no longer with the company", "cette adresse n'est plus utilisée". A
   * program's notice, not the prospect's answer; it names no return.
   */
  | 'left_company'
  /** A read receipt (`multipart/report; report-type=disposition-notification`). */
  | 'read_receipt'
  /** A delivery report that only says the message was delivered or relayed. */
  | 'delivery_notification'
  /** Any other machine report (`multipart/report` of another type, e.g. an abuse feedback report). */
  | 'report';

/** The reason the headers give, in order of trust; null when they say nothing. */
export function autoReplyHeaderReason(headers: Readonly<Record<string, string>>): AutoReplyReason | null {
  const token = (name: string) => headers[name]?.trim().split(/[\s;(]/)[0].toLowerCase();
  const autoSubmitted = token('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto_submitted';
  if (isSet(token('x-autoreply'))) return 'x_autoreply';
  if (isSet(token('x-autorespond'))) return 'x_autorespond';
  const precedence = token('precedence');
  if (precedence === 'auto_reply') return 'precedence';
  // A list distributes people's own messages: a prospect answering through a group is a reply.
  const viaList = headers['list-id'] !== undefined;
  if ((precedence === 'bulk' || precedence === 'junk') && !viaList) return 'precedence';
  // Only a request not to be answered automatically: lists (Microsoft 365 groups among them)
  // set it on every message they distribute so members' out-of-offices do not flood the group.
  const suppress = token('x-auto-response-suppress');
  if (suppress && suppress !== 'none' && !viaList) return 'x_auto_response_suppress';
  if (/^<\s*>$/.test(headers['return-path']?.trim() ?? '')) return 'null_return_path';
  return null;
}

/**
 * Subjects of out-of-office replies in English, French, German, Spanish, Italian and Dutch. Only the part
 * before the first "Re:"/"Fwd:" is read: after it comes the subject we wrote, which may well
 * contain "absence" or "leave" without anyone being away.
 */
const OUT_OF_OFFICE_SUBJECT = new RegExp(
  [
    String.raw`\bout of (?:the )?office\b`,
    String.raw`\booo\b`,
    String.raw`\bautomatic reply\b`,
    String.raw`\bauto[- ]?(?:reply|response|respond)\b`,
    String.raw`\baway from (?:the |my )?office\b`,
    String.raw`\bon (?:vacation|holiday|holidays|leave|annual leave|parental leave|maternity leave)\b`,
    String.raw`\bvacation (?:reply|notice|response|message)\b`,
    String.raw`\babsen(?:ce|t|te)\b`,
    String.raw`\breponse automatique\b`,
    String.raw`\bmessage automatique\b`,
    String.raw`^en vacances\b`,
    String.raw`\bmessage d'absence\b`,
    String.raw`\bconges?\b`,
    String.raw`\bhors du bureau\b`,
    String.raw`\bactuellement absente?\b`,
    // German: Abwesenheitsnotiz, Außer Haus, Urlaub.
    String.raw`\babwesen(?:heit|d)`,
    String.raw`\bautomatische antwort\b`,
    String.raw`\bau(?:ss|ß)er (?:haus|hause|buro|dienst)\b`,
    String.raw`\b(?:im )?urlaub\b`,
    // Spanish: Fuera de la oficina, Ausente, De vacaciones.
    String.raw`\brespuesta automatica\b`,
    String.raw`\bfuera de la oficina\b`,
    String.raw`\bausente\b`,
    String.raw`\bde vacaciones\b`,
    // Italian: Fuori ufficio, Assente, In ferie.
    String.raw`\brisposta automatica\b`,
    String.raw`\bfuori (?:ufficio|sede|dall'ufficio)\b`,
    String.raw`\bassente\b`,
    String.raw`\bin ferie\b`,
    // Dutch: Afwezig, Niet aanwezig, Met vakantie, Buiten kantoor.
    String.raw`\bautomatisch antwoord\b`,
    String.raw`\bafwezig(?:heid)?\b`,
    String.raw`\bniet aanwezig\b`,
    String.raw`\bmet vakantie\b`,
    String.raw`\bbuiten (?:het )?kantoor\b`,
  ].join('|'),
);
const REPLY_PREFIX = /(?:^|[\s:\]])(?:re|aw|sv|vs|tr|fw|fwd|wg|ref|réf|rif)\s*(?:\[\d+\])?\s*:/i;

export function isOutOfOfficeSubject(subject: string): boolean {
  return OUT_OF_OFFICE_SUBJECT.test(foldSubject(ownSubjectPart(subject)));
}

/** The part of a subject the replying side wrote: what comes before the first reply or forward prefix. */
export function ownSubjectPart(subject: string): string {
  const prefix = REPLY_PREFIX.exec(subject);
  return prefix ? subject.slice(0, prefix.index) : subject;
}

function foldSubject(subject: string): string {
  return subject
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase();
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== 'no' && value !== 'false' && value !== '0';
}
