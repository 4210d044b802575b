import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@relance/errors';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { NoticeSubscriptionRepository } from '@relance/subprocessors';

export interface NoticeCaller {
  accountId: string;
  apiKeyId: string;
  userId: string | null;
}

export interface NoticeSubscriptionState {
  subscribed: boolean;
  subscribedAt: string | null;
}

/**
 * An account owner's subscription to subprocessor change notices: mailed to the owner's own
 * address (the user the API key belongs to). Members and keys of no user are refused: the
 * processing contract is the owner's.
 */
@Injectable()
export class NoticeSubscriptionsService {
  constructor(
    @Inject(NoticeSubscriptionRepository) private readonly subscriptions: NoticeSubscriptionRepository,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async state(caller: NoticeCaller): Promise<NoticeSubscriptionState> {
    return this.read(await this.owner(caller));
  }

  async subscribe(caller: NoticeCaller): Promise<NoticeSubscriptionState> {
    const userId = await this.owner(caller);
    if (await this.subscriptions.subscribe(caller.accountId, userId)) await this.record(caller, userId, 'subscribed');
    return this.read(userId);
  }

  async unsubscribe(caller: NoticeCaller): Promise<NoticeSubscriptionState> {
    const userId = await this.owner(caller);
    if (await this.subscriptions.unsubscribe(userId)) await this.record(caller, userId, 'unsubscribed');
    return this.read(userId);
  }

  private async owner(caller: NoticeCaller): Promise<string> {
    const role = await this.subscriptions.roleOf(caller.accountId, caller.userId);
    if (role !== 'owner' || !caller.userId) {
      throw new DomainError('forbidden', 'only the account\'s owner may subscribe to subprocessor change notices: use an API key of the owner');
    }
    return caller.userId;
  }

  private async read(userId: string): Promise<NoticeSubscriptionState> {
    const since = await this.subscriptions.since(userId);
    return { subscribed: since !== null, subscribedAt: since?.toISOString() ?? null };
  }

  private record(caller: NoticeCaller, userId: string, what: 'subscribed' | 'unsubscribed') {
    return this.audit.record({
      actor: { kind: 'api_key', id: caller.apiKeyId }, action: `subprocessor_notices.${what}`, accountId: caller.accountId,
      target: { type: 'user', id: userId },
    });
  }
}
