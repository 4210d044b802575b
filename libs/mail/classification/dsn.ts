import { parseMessageIdList } from '../message-id';
import { classifyBounce } from './bounce-classifier';
import type { BounceVerdict } from './bounce-reasons';

/**
 * Reads an RFC 3464 delivery status notification (the `message/delivery-status` part of a
 * bounce): one block of per-message fields, then one block per recipient, blocks separated by
 * blank lines, header-style fields that may be folded.
 */
export interface BounceRecipient {
  /** Address from `Final-Recipient`, without its type ("rfc822;") or angle brackets. */
  finalRecipient: string | null;
  /** Address from `Original-Recipient` (the one given at submission), when reported. */
  originalRecipient: string | null;
  /** failed | delayed | delivered | relayed | expanded, lower-cased; inferred from the status when absent. */
  action: string;
  /**
   * Enhanced status code x.y.z (RFC 3463): the one given, refined from the diagnostic when that
   * was generic (x.0.0) or missing; null when neither names one (never invented from the action).
   */
  status: string | null;
  /** `Diagnostic-Code` without its type, e.g. "550 5.1.1 User unknown". */
  diagnostic: string | null;
  /** Host from `Remote-MTA`. */
  remoteMta: string | null;
  /** Why this recipient's copy bounced and what that means; `verdict.rawStatus` is the status as given. */
  verdict: BounceVerdict;
}

export interface BounceReport {
  recipients: BounceRecipient[];
  /** Message-ID of the message that bounced, from the returned copy or its headers. */
  originalMessageId: string | null;
  /** The reason, status and effect for the decisive recipient (see `decisiveRecipient`). */
  verdict: BounceVerdict;
  /**
   * For callers that only know two kinds, derived from the verdict: hard when the address is to be
   * suppressed (the recipient is gone), soft otherwise.
   */
  severity: 'hard' | 'soft';
  /**
   * dsn: read from a machine-readable RFC 3464 part. text: best effort from a bounce written only
   * for humans (a status code found in prose); trust it less.
   */
  source: 'dsn' | 'text';
}

export interface DeliveryStatus {
  reportingMta: string | null;
  /** Gmail's per-message `X-Original-Message-ID`: the only name of our message when nothing is attached. */
  originalMessageId: string | null;
  recipients: BounceRecipient[];
}

type Fields = Map<string, string>;

const ENHANCED_STATUS = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/;
const BASIC_REPLY_CODE = /(?<![\d.])([245])\d\d(?![\d.])/;
const RECIPIENT_FIELDS = ['final-recipient', 'original-recipient', 'action', 'status'];

export function parseDeliveryStatus(text: string): DeliveryStatus {
  const blocks = fieldBlocks(text);
  const perMessage = blocks.find((fields) => !isRecipientBlock(fields));
  return {
    reportingMta: perMessage ? typedValue(perMessage.get('reporting-mta')) : null,
    originalMessageId: parseMessageIdList(perMessage?.get('x-original-message-id'))[0] ?? null,
    recipients: blocks.filter(isRecipientBlock).map(recipient),
  };
}

/** The x.y.z status in a diagnostic or a sentence: an enhanced code, else a basic reply code as x.0.0. */
export function statusFromText(text: string): string | null {
  const enhanced = ENHANCED_STATUS.exec(text);
  if (enhanced) return `${enhanced[1]}.${enhanced[2]}.${enhanced[3]}`;
  const basic = BASIC_REPLY_CODE.exec(text);
  return basic ? `${basic[1]}.0.0` : null;
}

/** Unfolded `name: value` fields, one map per block of non-blank lines. */
function fieldBlocks(text: string): Fields[] {
  const blocks: Fields[] = [];
  let current: Fields | null = null;
  let last: string | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      current = null;
      last = null;
      continue;
    }
    if (/^[ \t]/.test(line)) {
      if (current && last) current.set(last, `${current.get(last)} ${line.trim()}`);
      continue;
    }
    const field = /^([A-Za-z0-9-]+)[ \t]*:[ \t]*(.*)$/.exec(line);
    if (!field) continue;
    if (!current) {
      current = new Map();
      blocks.push(current);
    }
    last = field[1].toLowerCase();
    // A repeated field keeps its first value: the one the reporting MTA wrote.
    if (!current.has(last)) current.set(last, field[2].trim());
    else last = null;
  }
  return blocks;
}

function isRecipientBlock(fields: Fields): boolean {
  return RECIPIENT_FIELDS.some((name) => fields.has(name));
}

function recipient(fields: Fields): BounceRecipient {
  const diagnostic = typedValue(fields.get('diagnostic-code'));
  const statusField = fields.get('status');
  const actionField = fields.get('action')?.trim().split(/[\s;(]/)[0].toLowerCase() || null;
  const verdict = classifyBounce({ action: actionField, status: statusField ?? null, diagnostic });
  return {
    finalRecipient: address(fields.get('final-recipient')),
    originalRecipient: address(fields.get('original-recipient')),
    action: actionField ?? actionForStatus(verdict.status),
    status: verdict.status,
    diagnostic,
    remoteMta: typedValue(fields.get('remote-mta')),
    verdict,
  };
}

/** What a recipient block without `Action` most likely reports; a bare block is read as a failure. */
function actionForStatus(status: string | null): string {
  if (status?.startsWith('2.')) return 'delivered';
  return status?.startsWith('4.') ? 'delayed' : 'failed';
}

/** "rfc822; jane@x" → "jane@x"; "dns; mx.example" → "mx.example". */
function typedValue(value: string | undefined): string | null {
  if (value === undefined) return null;
  const semicolon = value.indexOf(';');
  const bare = (semicolon >= 0 ? value.slice(semicolon + 1) : value).replace(/\s+/g, ' ').trim();
  return bare === '' ? null : bare;
}

function address(value: string | undefined): string | null {
  const bare = typedValue(value);
  if (bare === null) return null;
  const unbracketed = bare.replace(/^<(.*)>$/, '$1').trim();
  return unbracketed === '' ? null : unbracketed;
}
