import { BOUNCE_EFFECT, bounceVerdict, type BounceReason, type BounceVerdict } from './bounce-reasons';
import { reasonForReplyCode, reasonForStatus } from './bounce-status-reasons';
import { reasonFromWording } from './bounce-wording';

/** What a bounce says about one recipient, as found in a DSN or in a bounce's prose. */
export interface BounceEvidence {
  /** failed | delayed | …, as the DSN gave it or the text implied; null when unsaid. */
  action: string | null;
  /** The enhanced status as given (DSN `Status`, or the code found in the text); null when none. */
  status: string | null;
  /** `Diagnostic-Code` without its type, or the line of the text that carries the failure. */
  diagnostic: string | null;
  /**
   * The human-readable explanation around it (a text bounce's prose, a DSN's notice part), read
   * only when the diagnostic names no reason. Without the returned copy of our message.
   */
  wording?: string | null;
}

const ENHANCED_STATUS = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/;
const REPLY_CODE = /(?<![\d.])([245]\d\d)(?![\d.])/;

/**
 * Why a message bounced (a reason of the taxonomy, hence its effect), and the status refined:
 * a generic status (x.0.0, or none) takes the precise code the diagnostic names ("Status: 5.0.0"
 * with "552 5.2.2 Mailbox full" is 5.2.2). The reason comes from the diagnostic's wording, else
 * from the status, else from the prose around it, else from the basic reply code. A bounce that
 * names nothing is `unknown` (effect none), never defaulted to a suppressing reason; a temporary
 * failure (4.x.x, or a delay) never suppresses.
 */
export function classifyBounce(evidence: BounceEvidence): BounceVerdict {
  const rawStatus = evidence.status ? statusIn(evidence.status) : null;
  const diagnostic = evidence.diagnostic?.trim() || null;
  const named = diagnostic ? statusIn(diagnostic) : null;
  const status = refine(rawStatus, named) ?? (evidence.wording ? statusIn(evidence.wording) : null);
  const smtpCode = replyCodeIn(diagnostic) ?? replyCodeIn(evidence.wording ?? null);
  const action = actionOf(evidence.action, status);
  const temporary = action === 'delayed' || status?.startsWith('4.') || (!status && smtpCode !== null && smtpCode < 500);

  let reason: BounceReason =
    reasonFromWording(diagnostic) ??
    reasonForStatus(status) ??
    reasonFromWording(evidence.wording ?? null) ??
    reasonForReplyCode(smtpCode) ??
    (temporary ? 'temporary_failure' : 'unknown');
  // A server that will try again, or asks us to, has not said the address is gone.
  if (temporary && BOUNCE_EFFECT[reason] === 'suppress') reason = 'temporary_failure';
  return bounceVerdict(reason, { rawStatus, status, smtpCode, diagnostic, action });
}

/** The given status, or the diagnostic's when the given one is generic or missing. */
function refine(raw: string | null, named: string | null): string | null {
  if (!named) return raw;
  if (!raw) return named;
  const [rawClass, rawSubject, rawDetail] = raw.split('.');
  const [, namedSubject, namedDetail] = named.split('.');
  const generic = rawDetail === '0' && (rawSubject === '0' || rawSubject === namedSubject);
  if (!generic || (namedSubject === rawSubject && namedDetail === rawDetail)) return raw;
  // The class stays the reporter's: its Status says whether it gave up, whatever the remote said.
  return `${rawClass}.${namedSubject}.${namedDetail}`;
}

function statusIn(text: string): string | null {
  const match = ENHANCED_STATUS.exec(text);
  return match ? `${match[1]}.${match[2]}.${match[3]}` : null;
}

function replyCodeIn(text: string | null): number | null {
  if (!text) return null;
  const match = REPLY_CODE.exec(text);
  return match ? Number(match[1]) : null;
}

function actionOf(action: string | null, status: string | null): BounceVerdict['action'] {
  if (action === 'failed' || action === 'delayed') return action;
  if (action) return null;
  if (status?.startsWith('4.')) return 'delayed';
  return status?.startsWith('5.') ? 'failed' : null;
}
