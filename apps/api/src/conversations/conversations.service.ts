import { Inject, Injectable } from '@nestjs/common';
import { ConversationEntry, ConversationRepository } from '@relance/db/repositories/conversation.repository';
import { ProspectRepository } from '@relance/db/repositories/prospect.repository';
import { DomainError } from '@relance/errors';
import { invalidCursor } from '../common/pagination';
import { DEFAULT_CONVERSATION_PAGE } from './dto/list-conversation.query';

/** The team's shared view of everything exchanged with a prospect, across campaigns and mailboxes. */
@Injectable()
export class ConversationsService {
  constructor(
    @Inject(ProspectRepository) private readonly prospects: ProspectRepository,
    @Inject(ConversationRepository) private readonly conversations: ConversationRepository,
  ) {}

  async forProspect(
    accountId: string,
    prospectId: string,
    query: { limit?: number; after?: string },
  ): Promise<{ items: ConversationEntry[]; nextCursor: string | null }> {
    if (!(await this.prospects.findForAccount(accountId, prospectId))) throw DomainError.notFound('prospect', prospectId);
    const page = await this.conversations.listPage(accountId, prospectId, {
      limit: query.limit ?? DEFAULT_CONVERSATION_PAGE,
      afterId: query.after,
    });
    if (!page) throw invalidCursor("a message of this prospect's conversation");
    return page;
  }
}
