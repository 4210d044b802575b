import { parseMessageIdList } from '../message-id';
import { classifyBounce } from './bounce-classifier';
import { reasonFromWording } from './bounce-wording';
import { bounceReport } from './bounce-report';
import type { BounceReport, BounceRecipient } from './dsn';

/**
 * Best-effort reading of a bounce written only for humans (no RFC 3464 part): qmail, old
 * Exchange, small hosts. The status is the first SMTP failure code in the text, the reason its
 * wording; with neither, nothing is assumed (reason `unknown`, which suppresses nothing). The
 * result is marked `source: 'text'`.
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
    'nicht zugestellt',
    'no (?:se ha podido )?entregad',
    'non (?:e stato )?recapitat',
    'onbestelbaar',
    'niet (?:worden )?bezorgd',
    'nao (?:foi )?entregue',
  ].join('|'),
  'i',
);
export const DELAY_SUBJECT = /delay|delayed|retard|not yet been delivered|pas encore ete remis|verzogert|retrasad|ritardat|vertraagd|atrasad/i;
/** Words of a bounce saying the server keeps trying: a temporary failure is a delay, not a failure. */
const STILL_TRYING = /will (?:continue|keep) trying|will retry|still trying|nouvelle tentative|continuera d'essayer/i;

export function bounceFromText(input: TextBounceInput): BounceReport | null {
  const subject = fold(input.subject);
  const wording = explanation(input.text);
  const found = findStatus(wording);
  const status = found?.status ?? null;
  const temporary = found?.permanence === 'temporary';
  const failing = input.failedRecipients.length > 0 || FAILURE_SUBJECT.test(subject);
  const delaySubject = DELAY_SUBJECT.test(subject);
  if (!status && !failing && !delaySubject && !reasonFromWording(wording)) return null;
  const stillTrying = delaySubject || STILL_TRYING.test(fold(wording));
  // A temporary failure the server keeps retrying is a delay; one it gave up on is a failure.
  const delayed = found ? temporary && stillTrying : delaySubject && !failing;
  const action = delayed ? 'delayed' : 'failed';
  const diagnostic = found?.line ?? null;
  const verdict = classifyBounce({ action, status, diagnostic, wording });
  const addresses = input.failedRecipients.length > 0 ? [...input.failedRecipients] : [found?.address ?? null];
  const recipients: BounceRecipient[] = addresses.map((finalRecipient) => ({
    finalRecipient,
    originalRecipient: null,
    action,
    status: verdict.status,
    diagnostic,
    remoteMta: null,
    verdict,
  }));
  return bounceReport(recipients, input.originalMessageId, 'text');
}

/**
 * Lines that start the copy of the returned message: below them are our own words, which may say
 * "spam" or "quota" without any server meaning it.
 */
const RETURNED_COPY =
  /^[ \t-]*(?:-{2,}.*(?:original message|returned message|copy of the message|message d'origine|urspr[uü]ngliche nachricht|mensaje original|mensagem original|messaggio originale|oorspronkelijk bericht).*|below this line is a copy of the message.*|-+ ?this is a copy of the message.*|-{3,} ?(?:original|returned) message ?-{3,}|content-type: message\/rfc822)$/im;

/** What the bounce's author wrote, without the copy of our message it returns. */
export function explanation(text: string): string {
  const copy = RETURNED_COPY.exec(text);
  return copy ? text.slice(0, copy.index) : text;
}

/** The Message-ID of a returned message copied inline in a bounce's text ("Below this line is a copy"). */
export function inlineOriginalMessageId(text: string): string | null {
  const match = /^[ \t]*message-id:[ \t]*(<[^<>\s]+>)/im.exec(text);
  return match ? (parseMessageIdList(match[1])[0] ?? null) : null;
}

/**
 * The first failure code in the text, the line that carries it and the address named just above.
 * A bare reply code ("550 Mailbox unavailable") gives no enhanced status: none is invented.
 */
function findStatus(text: string): { status: string | null; permanence: 'temporary' | 'permanent'; line: string; address: string | null } | null {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const pattern of [REPLY_AND_STATUS, STATUS_ONLY, REPLY_ONLY]) {
    for (let index = 0; index < lines.length; index += 1) {
      const match = pattern.exec(lines[index]);
      if (!match) continue;
      const status = pattern === REPLY_ONLY ? null : match[1];
      const permanence = match[1].startsWith('4') ? 'temporary' : 'permanent';
      const nearby = lines.slice(Math.max(0, index - RECIPIENT_LOOKBACK), index + 1).reverse();
      const address = nearby.map((line) => ADDRESS.exec(line)?.[0] ?? null).find((value) => value !== null) ?? null;
      return { status, permanence, line: lines[index].trim().slice(0, MAX_DIAGNOSTIC), address };
    }
  }
  return null;
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
