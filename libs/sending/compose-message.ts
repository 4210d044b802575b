import { randomUUID } from 'node:crypto';
import type { ComposedMessage, SendContext } from '@relance/db/repositories/outbox.repository';
import { buildMessageId } from '@relance/mail/message-id';
import { templateDataFor, renderTemplate, TemplateRenderError, pickVariant } from '@relance/templates';

const DEFAULT_VARIANT = 'A';

/**
 * Renders one step for one prospect. Follow-ups without `newThread` answer the message that
 * opened the thread, so mail clients show the sequence as one conversation.
 */
export function composeMessage(context: SendContext): ComposedMessage {
  const id = randomUUID();
  const sender = { name: context.mailbox.displayName, email: context.mailbox.email };
  const data = templateDataFor(context.prospect, sender);
  const root = context.step.newThread ? null : context.threadRoot;
  const variant = context.step.variants
    ? pickVariant(context.step.variants, `${context.enrollmentId}:${context.step.id}`)
    : { key: DEFAULT_VARIANT, subject: context.step.subject, body: context.step.body };
  const ownSubject = variant.subject ? oneLine(renderTemplate(variant.subject, data)) : '';
  const subject = root && !ownSubject ? replySubject(root.subject) : ownSubject;
  const bodyText = renderTemplate(variant.body, data);
  const blank = blankRendering(subject, bodyText);
  if (blank) throw new TemplateRenderError(blank);
  return {
    id,
    messageIdHeader: buildMessageId(id, context.mailbox.email),
    inReplyTo: root?.messageIdHeader ?? null,
    references: root ? [...root.references, root.messageIdHeader] : [],
    fromAddress: context.mailbox.email,
    toAddress: context.prospect.email,
    subject,
    bodyText,
    variant: variant.key,
  };
}

/**
 * Why a rendered email must not leave, or null. A template made only of variables renders
 * empty for a prospect without those fields ("{{ firstName }}"): an email without a subject or
 * words is a mistake the rep would never send by hand.
 */
export function blankRendering(subject: string, body: string): string | null {
  const hint = 'for this prospect: fill the fields it uses, or give them a default ({{ firstName | default: "there" }})';
  if (!subject.trim()) return `the subject renders empty ${hint}`;
  if (!body.trim()) return `the body renders empty ${hint}`;
  return null;
}

function replySubject(subject: string): string {
  return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
}

/** A subject is one header line: line breaks from prospect data must not add headers. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
