import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDatabase, dropDatabase } from '@relance/devservices';
import { imapUser, testEnv } from '../../harness/env';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { mailboxBody } from '../../support/api-fixtures';
import { dumpDatabase } from '../../support/database-dump';
import { TestApi } from '../../support/test-api';

/** How a dump writes a bytea value: `\x` and lower-case hex. */
const asDumped = (bytes: Buffer) => bytes.toString('hex');

/** The credential table in a dump: pg_dump's definition or data, or the fallback's section of it. */
const CREDENTIAL_TABLE = /(?:TABLE|COPY) public\.mailbox_secrets\b|^-- table mailbox_secrets$/m;

describe('the vault has its own database: a dump of the main one holds no credential', () => {
  let api: TestApi;
  let smtp: SmtpCapture;
  let mailboxId: string;
  let secret: { key_id: string; wrapped_key: Buffer; ciphertext: Buffer };
  const password = imapUser(2).password;

  before(async () => {
    [api, smtp] = await Promise.all([TestApi.start(), startSmtpCapture()]);
    const account = await api.newAccount('vault');
    const res = await account.call('POST', '/v1/mailboxes', mailboxBody(smtp, 2));
    assert.equal(res.status, 201, res.text);
    mailboxId = res.body.id;
    [secret] = await api.vaultDataSource.query('SELECT key_id, wrapped_key, ciphertext FROM mailbox_secrets WHERE mailbox_id = $1', [mailboxId]);
    assert.ok(secret, 'the sealed credentials are in the vault database');
  });
  after(async () => {
    await api?.close();
    await smtp?.stop();
  });

  it('the two connections are two databases', async () => {
    const [main] = await api.dataSource.query('SELECT current_database() AS name');
    const [vault] = await api.vaultDataSource.query('SELECT current_database() AS name');
    assert.notEqual(main.name, vault.name);
    const [{ present }] = await api.dataSource.query(`SELECT to_regclass('public.mailbox_secrets') IS NOT NULL AS present`);
    assert.equal(present, false, 'no credential table in the main database');
  });

  it('the main database dump has neither the sealed bytes nor the password; the vault dump has the sealed bytes', async (t) => {
    const main = await dumpDatabase(testEnv().databaseUrl);
    const vault = await dumpDatabase(testEnv().vaultDatabaseUrl);
    t.diagnostic(`dumped with ${main.tool}`);
    // The same search finds the credentials where they are: it could fail.
    assert.ok(vault.text.includes(asDumped(secret.ciphertext)), 'the vault dump holds the ciphertext');
    assert.ok(vault.text.includes(asDumped(secret.wrapped_key)), 'the vault dump holds the wrapped key');
    assert.ok(main.text.includes(mailboxId), 'the main dump holds the mailbox itself');

    assert.ok(!main.text.includes(asDumped(secret.ciphertext)), 'no ciphertext in the main dump');
    assert.ok(!main.text.includes(asDumped(secret.wrapped_key)), 'no wrapped key in the main dump');
    // The table, not its name: closure certificates and erasure counts name it among the tables they touched.
    assert.match(vault.text, CREDENTIAL_TABLE, 'the vault dump holds the credential table');
    assert.doesNotMatch(main.text, CREDENTIAL_TABLE, 'no credential table in the main dump');
    assert.ok(!main.text.includes(password) && !vault.text.includes(password), 'the password is in clear in neither');
  });

  it('/health reports the vault database, and answers 503 when it is gone', async () => {
    const health = await api.request('GET', '/health');
    assert.equal(health.body.checks.vault.status, 'up');

    const { adminDatabaseUrl } = testEnv();
    const name = `relance_vault_down_${process.pid}`;
    const vaultUrl = await createDatabase(adminDatabaseUrl, name);
    const other = await TestApi.start((config) => ({ ...config, vault: { ...config.vault, databaseUrl: vaultUrl } }));
    try {
      assert.equal((await other.request('GET', '/health')).status, 200);
      await dropDatabase(adminDatabaseUrl, name);
      const res = await other.request('GET', '/health');
      assert.equal(res.status, 503, res.text);
      assert.equal(res.body.checks.vault.status, 'down');
      assert.equal(res.body.checks.postgres.status, 'up');
    } finally {
      await other.close();
      await dropDatabase(adminDatabaseUrl, name);
    }
  });
});
