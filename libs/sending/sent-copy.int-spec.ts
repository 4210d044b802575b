import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { imapUser, testEnv } from '../../tests/harness/env';
import { countInSent, sentMessage } from '../../tests/support/sent-folder-count';
import { TcpRelay } from '../../tests/support/tcp-relay';
import { AppConfig, loadConfig } from '@relance/config';
import { Vault } from '@relance/crypto';
import { createDataSource, createVaultDataSource, Mailbox, MailboxRepository, MailboxSecretRepository } from '@relance/db';
import type { ImapSettings } from '@relance/mail';
import { MailboxCredentials } from '@relance/mailboxes/mailbox-credentials.service';
import { SentCopyKeeper } from './sent-copy.service';

const BURST = 40;

/**
 * The Sent copies of sends, on the real Dovecot (which allows ten connections per user and
 * address) and real mailbox rows with sealed passwords.
 */
describe('SentCopyKeeper against Dovecot', () => {
  let config: AppConfig;
  let dataSource: DataSource;
  let vaultDataSource: DataSource;
  let mailboxes: MailboxRepository;
  let keeper: SentCopyKeeper;
  const rep = imapUser(1);
  const imap = (): ImapSettings => ({ ...testEnv().imap, secure: false, username: rep.user, password: rep.password });
  const run = randomUUID().slice(0, 8);
  const newMessageId = (label: string) => `<${label}-${randomUUID()}@relance.test>`;

  before(async () => {
    config = loadConfig();
    dataSource = await createDataSource(config.database.url, { poolSize: 2 }).initialize();
    vaultDataSource = await createVaultDataSource(config.vault.databaseUrl, { poolSize: 1 }).initialize();
    const secrets = new MailboxSecretRepository(vaultDataSource);
    mailboxes = new MailboxRepository(dataSource, secrets);
    keeper = new SentCopyKeeper(config, mailboxes, new MailboxCredentials(secrets, new Vault(config.vault.masterKeys)));
  });

  after(async () => {
    await keeper?.onApplicationShutdown();
    await dataSource?.destroy();
    await vaultDataSource?.destroy();
  });

  /** A mailbox row of rep1, its IMAP server reached at `server` (Dovecot, or a relay in front of it). */
  async function newMailbox(sentCopy: Mailbox['sentCopy'], server: { host: string; port: number } = testEnv().imap): Promise<Mailbox> {
    const { accountId } = await bootstrapAccount(dataSource, {
      accountName: `Sent copy ${randomUUID().slice(0, 8)}`, ownerEmail: `owner-${randomUUID().slice(0, 8)}@sent-copy.test`, ownerName: 'O',
    });
    const id = randomUUID();
    await mailboxes.createWithSecret(
      {
        id, accountId, email: rep.user, smtpHost: '127.0.0.1', smtpPort: 1, smtpUsername: rep.user,
        imapHost: server.host, imapPort: server.port, imapUsername: rep.user, sentCopy,
      },
      MailboxCredentials.seal(new Vault(config.vault.masterKeys), id, { smtpPassword: 'unused', imapPassword: rep.password }),
    );
    return (await mailboxes.findById(id))!;
  }

  it(`files all ${BURST} copies of a burst of concurrent sends on one mailbox`, async (t) => {
    const mailbox = await newMailbox('relance');
    const ids = Array.from({ length: BURST }, (_, n) => `<burst-${n}-${run}@relance.test>`);
    const started = Date.now();
    await Promise.all(ids.map((id, n) => keeper.keep(mailbox, id, sentMessage(id, `Burst ${n}`))));
    const elapsed = Date.now() - started;
    const filed = await countInSent(imap(), ids);
    t.diagnostic(`${filed} of ${BURST} copies in Sent after ${elapsed} ms`);
    assert.equal(filed, BURST, `${filed} of ${BURST} copies in Sent (${elapsed} ms)`);
  });

  it('learns on the first send that Relance must keep the copies, then finds them', async () => {
    const mailbox = await newMailbox(null);
    const sent = newMessageId('first');
    await keeper.keep(mailbox, sent, sentMessage(sent, 'First'));
    const learned = (await mailboxes.findById(mailbox.id))!;
    assert.equal(learned.sentCopy, 'relance');
    assert.equal(await keeper.verdict(learned, sent), 'sent');
    assert.equal(await keeper.verdict(learned, newMessageId('lost')), 'unknown');
  });

  it('is logged out when the worker application closes', async () => {
    const relay = await TcpRelay.start(testEnv().imap);
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    try {
      const mailbox = await newMailbox('relance', relay);
      const sent = newMessageId('shutdown');
      await app.get(SentCopyKeeper).keep(mailbox, sent, sentMessage(sent, 'Shutdown'));
      assert.equal(await countInSent(imap(), [sent]), 1);
      assert.equal(relay.open, 1, 'kept open for the next send');
      await app.close();
      // Long before the 30 s idle close: the shutdown hook logged it out.
      await relay.untilAllClosed(2_000);
    } finally {
      await app.close();
      await relay.stop();
    }
  });
});
