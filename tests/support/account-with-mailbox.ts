import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';

/**
 * For repository tests on real PostgreSQL: a new account named `name` with one mailbox
 * `rep@<domain>` (its SMTP and IMAP settings are never used).
 */
export async function accountWithMailbox(
  dataSource: DataSource,
  name: string,
  domain: string,
): Promise<{ accountId: string; mailboxId: string }> {
  const { accountId } = await bootstrapAccount(dataSource, { accountName: name, ownerEmail: `o@${domain}`, ownerName: 'O' });
  const mailboxId = randomUUID();
  await dataSource.query(
    `INSERT INTO mailboxes (id, account_id, email, smtp_host, smtp_port, smtp_username, imap_host, imap_port, imap_username)
     VALUES ($1, $2, $3, 'h', 1, 'u', 'h', 1, 'u')`,
    [mailboxId, accountId, `rep@${domain}`],
  );
  return { accountId, mailboxId };
}
