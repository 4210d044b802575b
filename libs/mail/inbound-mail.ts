import { simpleParser, type HeaderLines, type ParsedMail } from 'mailparser';
import { parseMessageIdList } from './message-id';

export interface InboundMail {
  uid: number;
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  from: { address: string; name: string } | null;
  to: string[];
  subject: string;
  date: Date | null;
  text: string;
  /** The few top-level headers classification looks at, names lower-cased, values unfolded. */
  headers: Record<string, string>;
  /**
   * Message-IDs of messages attached whole (message/rfc822) or by their headers
   * (text/rfc822-headers): a bounce names the message it returns there, not in In-Reply-To.
   */
  attachedMessageIds: string[];
  /**
   * Text of the RFC 3464 `message/delivery-status` (or RFC 6533 `message/global-delivery-status`)
   * part of a bounce, decoded by mailparser and kept out of `text`; null when there is none.
   */
  deliveryStatus: string | null;
  /**
   * Text of the RFC 5965 `message/feedback-report` part of an abuse or opt-out report (ARF),
   * kept out of `text` like the DSN; null when there is none.
   */
  feedbackReport: string | null;
}

/** Headers that tell auto-replies, mailing lists and delivery reports from people. */
export const CLASSIFICATION_HEADERS: readonly string[] = [
  'auto-submitted',
  'x-autoreply',
  'x-autorespond',
  'x-auto-response-suppress',
  'precedence',
  'content-type',
  'x-failed-recipients',
  'return-path',
  // Tells a list distribution (a person answering through a group) from a bulk auto-sender.
  'list-id',
];

/** How much of an attached message is searched for its Message-ID. */
const ATTACHED_HEAD_BYTES = 64 * 1024;

export async function parseInboundMail(uid: number, source: Buffer | string): Promise<InboundMail> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(source, {
      checksumAlgo: false,
      skipTextToHtml: true,
      skipImageLinks: true,
      // Otherwise mailparser appends the DSN fields to `text`, where they read like prose.
      keepDeliveryStatus: true,
    });
  } catch {
    // A message the parser cannot read must not stall the mailbox: keep it as an empty shell.
    return emptyMail(uid);
  }
  const sender = mail.from?.value.find((entry) => entry.address);
  return {
    uid,
    messageId: parseMessageIdList(rawHeader(mail.headerLines, 'message-id'))[0] ?? null,
    inReplyTo: parseMessageIdList(rawHeader(mail.headerLines, 'in-reply-to')),
    references: parseMessageIdList(rawHeader(mail.headerLines, 'references')),
    from: sender?.address ? { address: sender.address, name: sender.name } : null,
    to: addresses(mail.to),
    subject: mail.subject ?? '',
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : null,
    text: mail.text ?? '',
    headers: classificationHeaders(mail.headerLines),
    attachedMessageIds: attachedMessageIds(mail, source),
    deliveryStatus: partText(mail, DELIVERY_STATUS_TYPES),
    feedbackReport: partText(mail, FEEDBACK_REPORT_TYPES),
  };
}

function emptyMail(uid: number): InboundMail {
  return {
    uid,
    messageId: null,
    inReplyTo: [],
    references: [],
    from: null,
    to: [],
    subject: '',
    date: null,
    text: '',
    headers: {},
    attachedMessageIds: [],
    deliveryStatus: null,
    feedbackReport: null,
  };
}

/** Values of every instance of a header, unfolded, without the "Name:" prefix. */
function rawHeader(lines: HeaderLines, name: string): string[] {
  return lines
    .filter((line) => line.key === name)
    .map((line) => line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim());
}

function classificationHeaders(lines: HeaderLines): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of CLASSIFICATION_HEADERS) {
    const [value] = rawHeader(lines, name);
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

function addresses(field: ParsedMail['to']): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const flat = objects.flatMap((object) => object.value.flatMap((entry) => entry.group ?? [entry]));
  return flat.map((entry) => entry.address).filter((address): address is string => !!address);
}

function attachedMessageIds(mail: ParsedMail, source: Buffer | string): string[] {
  const ids = new Set<string>();
  for (const attachment of mail.attachments) {
    const type = attachment.contentType.toLowerCase();
    if (type !== 'message/rfc822' && type !== 'text/rfc822-headers' && type !== 'message/global') continue;
    const id = messageIdOfHeaderBlock(attachment.content.subarray(0, ATTACHED_HEAD_BYTES).toString('latin1'));
    if (id) ids.add(id);
  }
  const multipart = /^multipart\//i.test(rawHeader(mail.headerLines, 'content-type')[0] ?? '');
  // Only a multipart message has parts: in a plain one, such lines are someone's prose.
  if (ids.size === 0 && multipart) for (const id of inlineMessageIds(source)) ids.add(id);
  return [...ids];
}

/** The Message-ID in the header block at the start of `head`. */
function messageIdOfHeaderBlock(head: string): string | undefined {
  const headerBlock = head.split(/\r?\n\r?\n/, 1)[0];
  const match = /^message-id:[ \t]*((?:.*)(?:\r?\n[ \t]+.*)*)/im.exec(headerBlock);
  return match ? parseMessageIdList(match[1])[0] : undefined;
}

const MESSAGE_PART = /^content-type:[ \t]*message\/(?:rfc822|global)\b/gim;

/**
 * Message-IDs of messages attached inline (`Content-Disposition: inline`, as feedback loops send
 * the reported message): mailparser renders those into the text and drops their headers, so
 * they are read from the source: past the part's own headers comes the message's header block.
 */
function inlineMessageIds(source: Buffer | string): string[] {
  const text = typeof source === 'string' ? source : source.toString('latin1');
  const ids: string[] = [];
  for (const part of text.matchAll(MESSAGE_PART)) {
    const afterPartHeaders = /\r?\n\r?\n/.exec(text.slice(part.index, part.index + ATTACHED_HEAD_BYTES));
    if (!afterPartHeaders) continue;
    const start = part.index + afterPartHeaders.index + afterPartHeaders[0].length;
    const id = messageIdOfHeaderBlock(text.slice(start, start + ATTACHED_HEAD_BYTES));
    if (id) ids.push(id);
  }
  return ids;
}

const DELIVERY_STATUS_TYPES: ReadonlySet<string> = new Set(['message/delivery-status', 'message/global-delivery-status']);
const FEEDBACK_REPORT_TYPES: ReadonlySet<string> = new Set(['message/feedback-report']);

/** The decoded text of the first machine-readable report part of one of `types`. */
function partText(mail: ParsedMail, types: ReadonlySet<string>): string | null {
  const part = mail.attachments.find((attachment) => types.has(attachment.contentType.toLowerCase()));
  return part ? part.content.toString('utf8') : null;
}
