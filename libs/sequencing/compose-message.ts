import { randomUUID } from 'node:crypto';
import type { ComposedMessage, SendContext } from '../db/repositories/outbox.repository';
import { buildMessageId } from '../mail/message-id';
import { templateDataFor } from './template-data';
import { renderTemplate } from './templates';
import { pickVariant } from './variants';

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
  return {
    id,
    messageIdHeader: buildMessageId(id, context.mailbox.email),
    inReplyTo: root?.messageIdHeader ?? null,
    references: root ? [...root.references, root.messageIdHeader] : [],
    fromAddress: context.mailbox.email,
    toAddress: context.prospect.email,
    subject: root && !ownSubject ? replySubject(root.subject) : ownSubject,
    bodyText: renderTemplate(variant.body, data),
    variant: variant.key,
  };
}

function replySubject(subject: string): string {
  return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
}

/** A subject is one header line: line breaks from prospect data must not add headers. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
