/**
 * Reads an abuse feedback report (ARF, RFC 5965): the `message/feedback-report` part a mailbox
 * provider sends through its feedback loop when its user marks our message as spam or asks to be
 * taken off. Its fields are header-style; only the first value of each is kept.
 */
export interface FeedbackReport {
  /** RFC 5965 / 6430 type, lower-cased: abuse, opt-out, fraud, virus, not-spam, auth-failure, other. */
  feedbackType: string;
  /** Message-ID of our message, from the copy (or the headers) the report returns. */
  originalMessageId: string | null;
  /** `Original-Rcpt-To`: the address that complained, when the provider tells it (many redact it). */
  originalRecipient: string | null;
  /** `Reporting-MTA`, without its type. */
  reportingMta: string | null;
}

export function parseFeedbackReport(text: string, originalMessageId: string | null): FeedbackReport {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      continue;
    }
    const field = /^([A-Za-z0-9-]+)[ \t]*:[ \t]*(.*)$/.exec(line);
    last = field && !fields.has(field[1].toLowerCase()) ? field[1].toLowerCase() : null;
    if (field && last) fields.set(last, field[2].trim());
  }
  const type = fields.get('feedback-type')?.split(/[\s;]/)[0].toLowerCase();
  return {
    feedbackType: type || 'other',
    originalMessageId,
    originalRecipient: bare(fields.get('original-rcpt-to')),
    reportingMta: bare(fields.get('reporting-mta')),
  };
}

/** "rfc822; <jane@x>" → "jane@x", "dns; mx.example" → "mx.example". */
function bare(value: string | undefined): string | null {
  if (value === undefined) return null;
  const typed = value.indexOf(';');
  const stripped = (typed >= 0 ? value.slice(typed + 1) : value).trim().replace(/^<(.*)>$/, '$1').trim();
  return stripped === '' ? null : stripped;
}
