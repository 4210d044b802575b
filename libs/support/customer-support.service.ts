import { Inject, Injectable } from '@nestjs/common';
import type { Page } from '@relance/db/repositories/keyset-page';
import { DomainError } from '@relance/errors';
import { type ConversationSummary, SupportConversationRepository } from './support-conversation.repository';
import { type ConversationView, conversationView, type MessageView, messageView } from './support-views';

/** The customer calling: their account and the user their API key belongs to. */
export interface SupportCustomer {
  accountId: string;
  userId: string | null;
}

/**
 * A customer's side of support: open a conversation, list the account's, read one, reply.
 * Every user of the account sees the account's conversations (support answers the account).
 */
@Injectable()
export class CustomerSupportService {
  constructor(@Inject(SupportConversationRepository) private readonly conversations: SupportConversationRepository) {}

  async open(customer: SupportCustomer, subject: string, body: string): Promise<ConversationView> {
    const userId = mustBeUser(customer);
    const conversation = await this.conversations.open({
      accountId: customer.accountId, subject, contactEmail: null, body, author: { kind: 'user', id: userId },
    });
    return conversationView(conversation, await this.conversations.messages(conversation.id), 'customer');
  }

  list(customer: SupportCustomer, page: { limit: number; after?: string }): Promise<Page<ConversationSummary> | null> {
    return this.conversations.list({ accountId: customer.accountId, ...page });
  }

  async read(customer: SupportCustomer, id: string): Promise<ConversationView> {
    const conversation = await this.ofAccount(customer, id);
    return conversationView(conversation, await this.conversations.messages(id), 'customer');
  }

  async reply(customer: SupportCustomer, id: string, body: string): Promise<MessageView> {
    const userId = mustBeUser(customer);
    await this.ofAccount(customer, id);
    return messageView(await this.conversations.addMessage(id, body, { kind: 'user', id: userId }), 'customer');
  }

  private async ofAccount(customer: SupportCustomer, id: string) {
    const conversation = await this.conversations.find(id);
    if (!conversation || conversation.accountId !== customer.accountId) throw DomainError.notFound('support conversation', id, 'id');
    return conversation;
  }
}

function mustBeUser(customer: SupportCustomer): string {
  if (!customer.userId) throw new DomainError('forbidden', 'support conversations are written by a person: use an API key of a user');
  return customer.userId;
}
