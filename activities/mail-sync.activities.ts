import { Context } from '@temporalio/activity';
import type { MailboxSync } from '../libs/mailboxes';
import type { MailSyncActivities } from '../libs/temporal/contracts';

export function createMailSyncActivities(deps: { mailboxSync: MailboxSync }): MailSyncActivities {
  return {
    syncMailbox: ({ mailboxId }) => {
      const context = Context.current();
      return deps.mailboxSync.sync(mailboxId, {
        signal: context.cancellationSignal,
        heartbeat: () => context.heartbeat(),
      });
    },
  };
}
