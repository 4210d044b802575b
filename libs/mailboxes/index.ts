export { MailboxCredentials, MailboxPasswords } from './mailbox-credentials.service';
export { MailboxSync } from './mailbox-sync.service';
