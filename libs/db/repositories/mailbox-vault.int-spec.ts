import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { Vault } from '@relance/crypto';
import { loadConfig } from '@relance/config';
import { MailboxCredentials } from '@relance/mailboxes/mailbox-credentials.service';
import { bootstrapAccount } from '../../../apps/api/src/auth/bootstrap-account';
import { testEnv } from '../../../tests/harness/env';
import { createDataSource, createVaultDataSource } from '../data-source';
import { MailboxRepository } from './mailbox.repository';
import { MailboxSecretRepository } from './mailbox-secret.repository';

/** Two databases, no transaction across them: the mailbox and its credentials still never part. */
describe('a mailbox and its credentials, across the main and the vault databases', () => {
  let main: DataSource;
  let vaultDb: DataSource;
  let mailboxes: MailboxRepository;
  let secrets: MailboxSecretRepository;
  const vault = new Vault(loadConfig().vault.masterKeys);
  let accountId: string;

  const fields = (id: string, account: string) => ({
    id, accountId: account, email: `rep-${id}@vault.test`, smtpHost: '127.0.0.1', smtpPort: 25, smtpUsername: 'rep',
    imapHost: '127.0.0.1', imapPort: 143, imapUsername: 'rep',
  });
  const seal = (id: string, password: string) => MailboxCredentials.seal(vault, id, { smtpPassword: password, imapPassword: password });

  before(async () => {
    main = await createDataSource(testEnv().databaseUrl, { poolSize: 2 }).initialize();
    vaultDb = await createVaultDataSource(testEnv().vaultDatabaseUrl, { poolSize: 1 }).initialize();
    secrets = new MailboxSecretRepository(vaultDb);
    mailboxes = new MailboxRepository(main, secrets);
    ({ accountId } = await bootstrapAccount(main, { accountName: 'Vault', ownerEmail: `o-${randomUUID()}@vault.test`, ownerName: 'O' }));
  });

  after(async () => {
    await main?.destroy();
    await vaultDb?.destroy();
  });

  it('creates both, the credentials opening with the mailbox id', async () => {
    const id = randomUUID();
    await mailboxes.createWithSecret(fields(id, accountId), seal(id, 'first'));
    const mailbox = (await mailboxes.findById(id))!;
    assert.equal((await new MailboxCredentials(secrets, vault).imap(mailbox)).password, 'first');
  });

  it('removes the credentials again when the mailbox cannot be inserted', async () => {
    const id = randomUUID();
    await assert.rejects(mailboxes.createWithSecret(fields(id, randomUUID()), seal(id, 'orphan')), /fk_mailboxes_account|foreign key/);
    assert.equal(await mailboxes.findById(id), null);
    assert.equal(await secrets.find(id), null, 'no credentials left without their mailbox');
  });

  it('rolls an edit back when the vault refuses its new credentials', async () => {
    const id = randomUUID();
    await mailboxes.createWithSecret(fields(id, accountId), seal(id, 'before'));
    await secrets.remove(id); // the vault loses the row: replacing it must fail
    await assert.rejects(mailboxes.applyEdit(id, { fields: { smtpHost: 'smtp.changed.test' }, secret: seal(id, 'after') }), /no credentials/);
    assert.equal((await mailboxes.findById(id))!.smtpHost, '127.0.0.1', 'the main database kept the old settings');
  });

  it('an edit replaces the sealed credentials with the new ones', async () => {
    const id = randomUUID();
    await mailboxes.createWithSecret(fields(id, accountId), seal(id, 'old'));
    const updated = await mailboxes.applyEdit(id, { fields: { smtpHost: 'smtp.new.test' }, secret: seal(id, 'new') });
    assert.equal(updated.smtpHost, 'smtp.new.test');
    assert.equal((await new MailboxCredentials(secrets, vault).smtp(updated)).password, 'new');
  });
});
