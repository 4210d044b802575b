import type { MailboxSync } from '../libs/mailboxes';
import type { MailSyncActivities } from '../libs/temporal/contracts';

export function createMailSyncActivities(deps: { mailboxSync: MailboxSync }): MailSyncActivities {
  return {
    syncMailbox: ({ mailboxId }) => deps.mailboxSync.sync(mailboxId),
  };
}
