import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SupportConversation } from '@relance/db/entities/support-conversation.entity';
import { SupportMessage } from '@relance/db/entities/support-message.entity';
import { keysetPage, type Page } from '@relance/db/repositories/keyset-page';

/** Who wrote a message: a customer's user, a staff member, or nobody we know (an e-mail pasted in). */
export type MessageAuthor = { kind: 'user'; id: string } | { kind: 'staff'; id: string } | { kind: 'outside' };

export interface NewConversation {
  accountId: string | null;
  subject: string;
  contactEmail: string | null;
  body: string;
  author: MessageAuthor;
}

/** A conversation in a list: no message bodies. */
export interface ConversationSummary {
  id: string;
  accountId: string | null;
  subject: string;
  messageCount: number;
  lastMessageAt: Date;
  createdAt: Date;
}

export interface ConversationFilter {
  accountId?: string;
  attached?: boolean;
  limit: number;
  /** The previous page's nextCursor. */
  after?: string;
}

export type AttachOutcome = { kind: 'attached'; previousAccountId: string | null } | { kind: 'no_conversation' } | { kind: 'no_account' };

/** Support conversations and their messages: every SQL statement about them. */
@Injectable()
export class SupportConversationRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The conversation and its first message, in one transaction; `inTransaction` runs before commit (the audit). */
  open(draft: NewConversation, inTransaction?: (manager: EntityManager, id: string) => Promise<unknown>): Promise<SupportConversation> {
    return this.dataSource.transaction(async (manager) => {
      const conversation = await manager.getRepository(SupportConversation).save({
        accountId: draft.accountId, subject: draft.subject, contactEmail: draft.contactEmail,
      });
      await manager.getRepository(SupportMessage).insert({ conversationId: conversation.id, body: draft.body, ...authorColumns(draft.author) });
      await inTransaction?.(manager, conversation.id);
      return manager.getRepository(SupportConversation).findOneByOrFail({ id: conversation.id });
    });
  }

  find(id: string): Promise<SupportConversation | null> {
    return this.dataSource.getRepository(SupportConversation).findOneBy({ id });
  }

  messages(conversationId: string): Promise<SupportMessage[]> {
    return this.dataSource.getRepository(SupportMessage).find({ where: { conversationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Newest activity first. */
  /**
   * Conversations, latest activity first, `limit` at a time after the conversation `after`.
   * Null when `after` names no conversation of the list (of the account, when one is given).
   */
  list(filter: ConversationFilter): Promise<Page<ConversationSummary> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT c.id, c.account_id, c.subject, c.last_message_at, c.created_at,
                    (SELECT count(*)::int FROM support_messages m WHERE m.conversation_id = c.id) AS messages
             FROM support_conversations c WHERE ($1::uuid IS NULL OR c.account_id = $1)`,
      params: [filter.accountId ?? null],
      filter: filter.attached === undefined ? undefined : { sql: `(account_id IS NOT NULL) = $2`, params: [filter.attached] },
      key: ['last_message_at', 'id'],
      descending: true,
      map: (row) => ({
        id: row.id, accountId: row.account_id, subject: row.subject, messageCount: row.messages,
        lastMessageAt: row.last_message_at, createdAt: row.created_at,
      }),
    }, { limit: filter.limit, after: filter.after });
  }

  /** Appends a message and moves the conversation's last activity (what unattached retention counts from). */
  addMessage(conversationId: string, body: string, author: MessageAuthor,
    inTransaction?: (manager: EntityManager, messageId: string) => Promise<unknown>): Promise<SupportMessage> {
    return this.dataSource.transaction(async (manager) => {
      const message = await manager.getRepository(SupportMessage).save({ conversationId, body, ...authorColumns(author) });
      await manager.query(`UPDATE support_conversations SET last_message_at = $2 WHERE id = $1`, [conversationId, message.createdAt]);
      await inTransaction?.(manager, message.id);
      return message;
    });
  }

  /** Attaches to a live account (not one closed and purged); `inTransaction` records it. */
  attach(id: string, accountId: string, inTransaction: (manager: EntityManager, previousAccountId: string | null) => Promise<unknown>,
  ): Promise<AttachOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const [conversation] = await manager.query(`SELECT account_id FROM support_conversations WHERE id = $1 FOR UPDATE`, [id]);
      if (!conversation) return { kind: 'no_conversation' };
      const [account] = await manager.query(`SELECT 1 FROM accounts WHERE id = $1 AND deleted_at IS NULL`, [accountId]);
      if (!account) return { kind: 'no_account' };
      await manager.query(`UPDATE support_conversations SET account_id = $2 WHERE id = $1`, [id, accountId]);
      await inTransaction(manager, conversation.account_id);
      return { kind: 'attached', previousAccountId: conversation.account_id };
    });
  }

  /**
   * Who hears of a staff reply: the account's owners and the customers who wrote in the
   * conversation (still users of it), or the contact address of an unattached one.
   */
  async replyRecipients(conversation: SupportConversation): Promise<string[]> {
    if (!conversation.accountId) return conversation.contactEmail ? [conversation.contactEmail] : [];
    const rows: { email: string }[] = await this.dataSource.query(
      `SELECT DISTINCT u.email FROM users u
       WHERE u.account_id = $1 AND (u.role = 'owner'
         OR u.id IN (SELECT author_user_id FROM support_messages WHERE conversation_id = $2 AND author_user_id IS NOT NULL))
       ORDER BY u.email`,
      [conversation.accountId, conversation.id],
    );
    return rows.map((row) => row.email);
  }
}

function authorColumns(author: MessageAuthor): { authorUserId: string | null; authorStaffId: string | null } {
  return {
    authorUserId: author.kind === 'user' ? author.id : null,
    authorStaffId: author.kind === 'staff' ? author.id : null,
  };
}
