import { parseMessageIdList } from '../message-id';
import { bounceSeverity, type BounceReport, type BounceRecipient } from './dsn';

/**
 * Best-effort reading of a bounce written only for humans (no RFC 3464 part): qmail, old
 * Exchange, small hosts. The status is the first SMTP failure code in the text; the result is
 * marked `source: 'text'`.
 */
export interface TextBounceInput {
  text: string;
  subject: string;
  /** Exim's `X-Failed-Recipients`: it only sends it for permanent failures. */
  failedRecipients: readonly string[];
  originalMessageId: string | null;
}

/** "550 5.1.1", "550-5.1.1", "550 #5.1.0": a reply code and its enhanced status. */
const REPLY_AND_STATUS = /(?<![\d.])[45]\d\d[ -]#?([45]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/;
const STATUS_ONLY = /(?<![\d.])([45]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/;
/** A bare reply code must be followed by words ("550 User unknown") to be told from other numbers. */
const REPLY_ONLY = /(?<![\d.])([45][0-5]\d)(?=[ -][<#]?[A-Za-z])/;
const ADDRESS = /[^\s<>()[\]"',;:]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
/** How many lines above the code may name the recipient (Postfix: "<x@y>: host ... said: 550 ..."). */
const RECIPIENT_LOOKBACK = 3;
const MAX_DIAGNOSTIC = 300;

export const FAILURE_SUBJECT = new RegExp(
  [
    'undeliver',
    'returned mail',
    'returned to sender',
    'delivery (?:status notification|failure|failed|has failed|incomplete)',
    'mail delivery failed',
    'failure notice',
    'could not be delivered',
    'non remis',
    'non distribu',
    'echec de (?:la )?(?:remise|distribution)',
    'non delivre',
    'impossible de remettre',
    'unzustellbar',
  ].join('|'),
  'i',
);
export const DELAY_SUBJECT = /delay|delayed|retard|not yet been delivered|pas encore ete remis|verzogert/i;
/** Words of a bounce saying the server keeps trying: a temporary failure is a delay, not a failure. */
const STILL_TRYING = /will (?:continue|keep) trying|will retry|still trying|nouvelle tentative|continuera d'essayer/i;

export function bounceFromText(input: TextBounceInput): BounceReport | null {
  const subject = fold(input.subject);
  const found = findStatus(input.text);
  let status = found?.status ?? null;
  if (!status) {
    if (input.failedRecipients.length > 0) status = '5.0.0';
    else if (DELAY_SUBJECT.test(subject)) status = '4.0.0';
    else if (FAILURE_SUBJECT.test(subject)) status = '5.0.0';
    else return null;
  }
  const delayed = status.startsWith('4.') && (DELAY_SUBJECT.test(subject) || STILL_TRYING.test(fold(input.text)));
  const action = delayed ? 'delayed' : 'failed';
  const addresses =
    input.failedRecipients.length > 0 ? [...input.failedRecipients] : [found?.address ?? null];
  const recipients: BounceRecipient[] = addresses.map((finalRecipient) => ({
    finalRecipient,
    originalRecipient: null,
    action,
    status,
    diagnostic: found?.line ?? null,
    remoteMta: null,
  }));
  const severity = bounceSeverity(recipients);
  return severity ? { recipients, originalMessageId: input.originalMessageId, severity, source: 'text' } : null;
}

/** The Message-ID of a returned message copied inline in a bounce's text ("Below this line is a copy"). */
export function inlineOriginalMessageId(text: string): string | null {
  const match = /^[ \t]*message-id:[ \t]*(<[^<>\s]+>)/im.exec(text);
  return match ? (parseMessageIdList(match[1])[0] ?? null) : null;
}

function findStatus(text: string): { status: string; line: string; address: string | null } | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const pattern of [REPLY_AND_STATUS, STATUS_ONLY, REPLY_ONLY]) {
    for (let index = 0; index < lines.length; index += 1) {
      const match = pattern.exec(lines[index]);
      if (!match) continue;
      const status = pattern === REPLY_ONLY ? `${match[1][0]}.0.0` : match[1];
      const nearby = lines.slice(Math.max(0, index - RECIPIENT_LOOKBACK), index + 1).reverse();
      const address = nearby.map((line) => ADDRESS.exec(line)?.[0] ?? null).find((value) => value !== null) ?? null;
      return { status, line: lines[index].trim().slice(0, MAX_DIAGNOSTIC), address };
    }
  }
  return null;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
