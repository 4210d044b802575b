import { Inject, Injectable } from '@nestjs/common';
import type { Page } from '@relance/db/repositories/keyset-page';
import { DomainError } from '@relance/errors';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { SystemMailer } from '@relance/privacy/requests/system-mailer';
import type { SupportConversation } from '@relance/db/entities/support-conversation.entity';
import { type ConversationFilter, type ConversationSummary, SupportConversationRepository } from './support-conversation.repository';
import { type ConversationView, conversationView, type MessageView, messageView } from './support-views';

export interface StaffOpening {
  subject: string;
  body: string;
  /** The address the e-mail came from, where replies go until the conversation is attached. */
  contactEmail?: string;
  accountId?: string;
}

export interface StaffReply {
  message: MessageView;
  /** How many recipients the system mailer took the reply for, and how many it refused. */
  mailed: number;
  notMailed: number;
}

/**
 * Support staff's side: open a conversation from an e-mail, list, read (audited), reply (mailed
 * to the account's owners and the customers who wrote, or to the contact address) and attach to
 * an account. The audit trail holds ids and counts, never a message body.
 */
@Injectable()
export class SupportDeskService {
  constructor(
    @Inject(SupportConversationRepository) private readonly conversations: SupportConversationRepository,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(SystemMailer) private readonly mailer: SystemMailer,
  ) {}

  async open(staffUserId: string, opening: StaffOpening): Promise<ConversationView> {
    if (!opening.accountId && !opening.contactEmail) {
      throw DomainError.validation([{ field: 'contactEmail', message: 'contactEmail is needed when no accountId is given: replies go there' }]);
    }
    try {
      const conversation = await this.conversations.open({
        accountId: opening.accountId ?? null, subject: opening.subject, contactEmail: opening.contactEmail ?? null,
        body: opening.body, author: { kind: 'outside' },
      }, (manager, id) => this.audit.record({
        actor: { kind: 'staff', id: staffUserId }, action: 'support_conversation.opened', accountId: opening.accountId ?? null,
        target: { type: 'support_conversation', id },
      }, manager));
      return conversationView(conversation, await this.conversations.messages(conversation.id), 'staff');
    } catch (error) {
      if ((error as { code?: string }).code === '23503') throw DomainError.notFound('account', opening.accountId ?? '', 'accountId');
      throw error;
    }
  }

  list(filter: ConversationFilter): Promise<Page<ConversationSummary> | null> {
    return this.conversations.list(filter);
  }

  /** Each reading is recorded: a conversation is what a customer wrote. */
  async read(staffUserId: string, id: string): Promise<ConversationView> {
    const conversation = await this.mustFind(id);
    await this.audit.record({
      actor: { kind: 'staff', id: staffUserId }, action: 'support_conversation.read', accountId: conversation.accountId,
      target: { type: 'support_conversation', id },
    });
    return conversationView(conversation, await this.conversations.messages(id), 'staff');
  }

  /** Saved first, then mailed: a refused recipient does not undo the reply, it is counted (and audited). */
  async reply(staffUserId: string, id: string, body: string): Promise<StaffReply> {
    const conversation = await this.mustFind(id);
    const message = await this.conversations.addMessage(id, body, { kind: 'staff', id: staffUserId });
    const recipients = await this.conversations.replyRecipients(conversation);
    const sent = await Promise.allSettled(recipients.map((to) => this.mailer.send(replyMail(conversation, to, body))));
    const mailed = sent.filter((outcome) => outcome.status === 'fulfilled').length;
    await this.audit.record({
      actor: { kind: 'staff', id: staffUserId }, action: 'support_conversation.replied', accountId: conversation.accountId,
      target: { type: 'support_conversation', id }, details: { messageId: message.id, mailed, notMailed: recipients.length - mailed },
    });
    return { message: messageView(message, 'staff'), mailed, notMailed: recipients.length - mailed };
  }

  async attach(staffUserId: string, id: string, accountId: string, reason: string | null): Promise<ConversationView> {
    const outcome = await this.conversations.attach(id, accountId, (manager, previousAccountId) => this.audit.record({
      actor: { kind: 'staff', id: staffUserId }, action: 'support_conversation.attached', accountId, reason,
      target: { type: 'support_conversation', id }, details: { previousAccountId },
    }, manager));
    if (outcome.kind === 'no_conversation') throw DomainError.notFound('support conversation', id, 'id');
    if (outcome.kind === 'no_account') throw DomainError.notFound('account', accountId, 'accountId');
    const conversation = await this.mustFind(id);
    return conversationView(conversation, await this.conversations.messages(id), 'staff');
  }

  private async mustFind(id: string): Promise<SupportConversation> {
    const conversation = await this.conversations.find(id);
    if (!conversation) throw DomainError.notFound('support conversation', id, 'id');
    return conversation;
  }
}

function replyMail(conversation: SupportConversation, to: string, body: string) {
  return {
    to,
    subject: `Re: ${conversation.subject}`,
    text: `${body}\n\n--\nRelance support (conversation ${conversation.id})\n`,
  };
}
