import type { ActionContext, ActionRequest, ResourceWithOptions } from 'adminjs';
import type { DataSource } from 'typeorm';
import { SupportConversation } from '@relance/db/entities/support-conversation.entity';
import { DomainError } from '@relance/errors';
import type { AuditTrail } from '@relance/privacy/audit-trail';
import type { SupportDeskService } from '@relance/support/support-desk.service';
import { sessionUser } from '../admin/console-user';
import { entityModel } from '../admin/entity-model';
import { mayUseResource } from '../admin/role-access';
import { searchAccounts } from './account-search';
import { conversationOperation } from './conversation-operation';

export const SUPPORT_CONVERSATIONS = 'support_conversations';

type Access = { currentAdmin?: unknown };
const allowed = (context: Access) => {
  const user = sessionUser({ adminUser: context.currentAdmin });
  return user !== undefined && mayUseResource(user.role, SUPPORT_CONVERSATIONS);
};

/**
 * Support conversations in the console: the list (no bodies) and one screen per conversation
 * ("Conversation": messages, reply, attach to an account), whose reading is audited by the
 * support desk. Replies and attachments go through the same service as the staff API.
 */
export function supportConversationsResource(
  dataSource: DataSource, desk: SupportDeskService, audit: AuditTrail, component: string,
): ResourceWithOptions {
  const closed = { isAccessible: false, isVisible: false };
  /** Accounts to attach to; the search is audited (what was typed is not kept: it may be an address). */
  const searched = async (query: unknown, staffId: string, conversationId: string) => {
    const search = await searchAccounts(dataSource, query);
    if (search.ok) {
      await audit.record({
        actor: { kind: 'staff', id: staffId }, action: 'accounts.searched', target: { type: 'support_conversation', id: conversationId },
        details: { via: 'console', matches: search.matches.length },
      });
    }
    return search;
  };
  return {
    resource: entityModel(dataSource, SupportConversation),
    options: {
      id: SUPPORT_CONVERSATIONS, navigation: { name: 'Support', icon: 'LifeBuoy' },
      listProperties: ['subject', 'accountId', 'lastMessageAt', 'createdAt'],
      // The entity names its relation "Account"; the console registers that resource as "accounts".
      properties: { contactEmail: { isVisible: false }, accountId: { reference: 'accounts' } },
      sort: { sortBy: 'lastMessageAt', direction: 'desc' },
      actions: {
        list: { isAccessible: allowed },
        search: { isAccessible: allowed },
        // A click on a row opens the conversation, not AdminJS's generic show.
        show: closed,
        new: closed, edit: closed, delete: closed, bulkDelete: closed,
        conversation: {
          actionType: 'record', icon: 'MessageSquare', component,
          isAccessible: allowed,
          handler: async (request: ActionRequest, _response: unknown, context: ActionContext) => {
            const staffId = sessionUser({ adminUser: context.currentAdmin })!.id;
            const id = String(context.record!.params.id);
            const record = context.record!.toJSON(context.currentAdmin);
            // AdminJS loads the record (GET, no `load`) before the screen asks for the messages.
            if (request.method === 'get' && request.query?.accounts !== undefined) return { record, search: await searched(request.query.accounts, staffId, id) };
            if (request.method === 'get' && request.query?.load !== '1') return { record };
            if (request.method === 'get') return { record, conversation: await withAccountName(dataSource, await desk.read(staffId, id)) };
            const operation = conversationOperation(request.payload ?? {});
            if (!operation.ok) return { record, notice: { type: 'error', message: operation.message } };
            try {
              const notice = operation.op === 'reply'
                ? replyNotice(await desk.reply(staffId, id, operation.body))
                : (await desk.attach(staffId, id, operation.accountId, operation.reason), 'Attached to the account.');
              return { record, notice: { type: 'success', message: notice } };
            } catch (error) {
              if (error instanceof DomainError) return { record, notice: { type: 'error', message: error.message } };
              throw error;
            }
          },
        },
      },
    },
  };
}

function replyNotice(reply: { mailed: number; notMailed: number }): string {
  const mailed = `Reply sent: mailed to ${reply.mailed} recipient${reply.mailed === 1 ? '' : 's'}`;
  return reply.notMailed ? `${mailed}; ${reply.notMailed} could not be mailed.` : `${mailed}.`;
}

/** The conversation with its account's name, so the screen names the customer rather than an id. */
async function withAccountName<T extends { accountId: string | null }>(dataSource: DataSource, view: T): Promise<T & { accountName: string | null }> {
  if (!view.accountId) return { ...view, accountName: null };
  const [account]: { name: string }[] = await dataSource.query(`SELECT name FROM accounts WHERE id = $1`, [view.accountId]);
  return { ...view, accountName: account?.name || null };
}
