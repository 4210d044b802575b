import { Context } from '@temporalio/activity';
import type { MailboxSync } from '@relance/mailboxes';
import type { MailSyncActivities } from '@relance/temporal/contracts';

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
