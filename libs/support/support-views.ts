import type { SupportConversation } from '@relance/db/entities/support-conversation.entity';
import type { SupportMessage } from '@relance/db/entities/support-message.entity';

/** A message as its reader sees it: customers see "support", never which staff member. */
export interface MessageView {
  id: string;
  author: { kind: 'customer'; userId: string } | { kind: 'support'; staffUserId?: string } | { kind: 'unknown' };
  body: string;
  createdAt: Date;
}

export interface ConversationView {
  id: string;
  accountId: string | null;
  subject: string;
  lastMessageAt: Date;
  createdAt: Date;
  messages: MessageView[];
}

export type Reader = 'customer' | 'staff';

export function conversationView(conversation: SupportConversation, messages: SupportMessage[], reader: Reader): ConversationView {
  return {
    id: conversation.id, accountId: conversation.accountId, subject: conversation.subject,
    lastMessageAt: conversation.lastMessageAt, createdAt: conversation.createdAt,
    messages: messages.map((message) => messageView(message, reader)),
  };
}

export function messageView(message: SupportMessage, reader: Reader): MessageView {
  const author: MessageView['author'] = message.authorUserId
    ? { kind: 'customer', userId: message.authorUserId }
    : message.authorStaffId
      ? (reader === 'staff' ? { kind: 'support', staffUserId: message.authorStaffId } : { kind: 'support' })
      : { kind: 'unknown' };
  return { id: message.id, author, body: message.body, createdAt: message.createdAt };
}
