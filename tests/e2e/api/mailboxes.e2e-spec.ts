import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getFreePort } from '@relance/devservices/free-port';
import { mailboxSyncWorkflowId } from '@relance/temporal/contracts';
import { imapUser } from '../../harness/env';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { mailboxBody } from '../../support/api-fixtures';
import { TestApi, TestAccount } from '../../support/test-api';

describe('mailboxes', () => {
  let api: TestApi;
  let smtp: SmtpCapture;

  before(async () => {
    [api, smtp] = await Promise.all([TestApi.start(), startSmtpCapture()]);
  });
  after(async () => {
    await api?.close();
    await smtp?.stop();
  });

  describe('a mailbox whose servers accept the login', () => {
    let account: TestAccount;
    let created: any;
    const password = imapUser(1).password;

    before(async () => {
      account = await api.newAccount();
      const res = await account.call('POST', '/v1/mailboxes', mailboxBody(smtp, 1, { email: '  Rep1@Relance.TEST ' }));
      assert.equal(res.status, 201, res.text);
      created = res.body;
    });

    it('is created with its settings and without any password', () => {
      assert.equal(created.email, 'rep1@relance.test');
      assert.equal(created.displayName, 'Rep 1');
      assert.deepEqual(created.smtp, { host: smtp.host, port: smtp.port, secure: false, username: 'rep1@relance.test' });
      assert.equal(created.imap.username, 'rep1@relance.test');
      assert.equal(created.dailyLimit, 50);
      assert.equal(created.minSpacingSeconds, 60);
      assert.equal(created.timeZone, 'Europe/Paris');
      assert.ok(!JSON.stringify(created).includes(password), 'no password in the response');
      assert.ok(!JSON.stringify(created).toLowerCase().includes('password'), 'no password field either');
    });

    it('is listed and readable, never with a password', async () => {
      const list = await account.call('GET', '/v1/mailboxes');
      assert.equal(list.status, 200);
      assert.deepEqual(list.body.data.map((m: any) => m.id), [created.id]);
      const one = await account.call('GET', `/v1/mailboxes/${created.id}`);
      assert.equal(one.status, 200);
      assert.deepEqual(one.body, list.body.data[0]);
      assert.ok(!list.text.includes(password) && !one.text.includes(password));
    });

    it('pages the list by cursor and refuses a cursor naming no mailbox of the account', async () => {
      const first = await account.call('GET', '/v1/mailboxes?limit=1');
      assert.deepEqual([first.status, first.body.data.map((m: any) => m.id), first.body.nextCursor], [200, [created.id], null]);
      const after = await account.call('GET', `/v1/mailboxes?limit=1&after=${created.id}`);
      assert.deepEqual(after.body, { data: [], nextCursor: null });
      const forged = await account.call('GET', '/v1/mailboxes?after=3f2b8c1e-5a7d-4e9f-b6c3-2d1a0e9f8b7c');
      assert.deepEqual([forged.status, forged.body.error.field], [400, 'after']);
    });

    it('keeps the passwords only sealed in the vault', async () => {
      const rows = await api.vaultDataSource.query('SELECT key_id, wrapped_key, ciphertext FROM mailbox_secrets WHERE mailbox_id = $1', [
        created.id,
      ]);
      assert.equal(rows.length, 1);
      assert.equal(rows[0].key_id, 't1');
      for (const column of [rows[0].wrapped_key, rows[0].ciphertext] as Buffer[]) {
        assert.equal(column.includes(Buffer.from(password)), false);
      }
      const [mailboxRow] = await api.dataSource.query('SELECT * FROM mailboxes WHERE id = $1', [created.id]);
      assert.ok(!JSON.stringify(mailboxRow).includes(password), 'no password in the mailboxes table');
    });

    it('starts the mailbox sync workflow', async () => {
      const description = await api.temporal.workflow.getHandle(mailboxSyncWorkflowId(created.id)).describe();
      assert.equal(description.type, 'mailboxSyncWorkflow');
      assert.equal(description.taskQueue, 'mail-sync');
      assert.equal(description.status.name, 'RUNNING');
    });

    it('refuses a second mailbox with the same address', async () => {
      const res = await account.call('POST', '/v1/mailboxes', mailboxBody(smtp, 1));
      assert.equal(res.status, 409);
      assert.equal(res.body.error.code, 'conflict');
      assert.equal(res.body.error.field, 'email');
    });

    it('is invisible to another account', async () => {
      const other = await api.newAccount('other');
      assert.equal((await other.call('GET', `/v1/mailboxes/${created.id}`)).status, 404);
      assert.deepEqual((await other.call('GET', '/v1/mailboxes')).body, { data: [], nextCursor: null });
    });
  });

  describe('servers that refuse', () => {
    it('answers 422 smtp_unreachable naming host:port when the SMTP port is closed, and saves nothing', async () => {
      const account = await api.newAccount();
      const port = await getFreePort();
      const body = mailboxBody(smtp, 2);
      const res = await account.call('POST', '/v1/mailboxes', { ...body, smtp: { ...body.smtp, port } });
      assert.equal(res.status, 422, res.text);
      assert.equal(res.body.error.code, 'smtp_unreachable');
      assert.equal(res.body.error.field, 'smtp');
      assert.ok(res.body.error.message.includes(`127.0.0.1:${port}`), res.body.error.message);
      assert.deepEqual((await account.call('GET', '/v1/mailboxes')).body, { data: [], nextCursor: null });
      const [{ n }] = await api.dataSource.query('SELECT count(*)::int AS n FROM mailboxes WHERE account_id = $1', [
        account.accountId,
      ]);
      assert.equal(n, 0);
    });

    it('refuses hosts on this machine or a private network when private hosts are denied, before connecting', async () => {
      const guarded = await TestApi.start((config) => ({ ...config, mail: { ...config.mail, allowPrivateHosts: false } }));
      try {
        const account = await guarded.newAccount();
        const body = mailboxBody(smtp, 2);
        const connectionsBefore = smtp.connections;
        const res = await account.call('POST', '/v1/mailboxes', {
          ...body, smtp: { ...body.smtp, host: '127.0.0.1' }, imap: { ...body.imap, host: 'localhost' },
        });
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.error.code, 'validation_failed');
        assert.deepEqual(res.body.error.details.map((d: { field: string }) => d.field), ['smtp.host', 'imap.host']);
        assert.match(res.body.error.message, /smtp\.host 127\.0\.0\.1 is on this machine or a private network/);
        assert.match(res.body.error.message, /imap\.host localhost \((127\.0\.0\.1|::1)\)/);
        assert.match(res.body.error.message, /MAIL_PRIVATE_HOSTS=allow/);
        assert.equal(smtp.connections, connectionsBefore, 'no connection was attempted');
      } finally {
        await guarded.close();
      }
    });

    it('answers 422 imap_auth_failed on a wrong IMAP password', async () => {
      const account = await api.newAccount();
      const body = mailboxBody(smtp, 2);
      const res = await account.call('POST', '/v1/mailboxes', { ...body, imap: { ...body.imap, password: 'wrong' } });
      assert.equal(res.status, 422, res.text);
      assert.equal(res.body.error.code, 'imap_auth_failed');
      assert.equal(res.body.error.field, 'imap');
      assert.ok(!res.text.includes('wrong') && !res.text.includes(imapUser(2).password));
      assert.deepEqual((await account.call('GET', '/v1/mailboxes')).body, { data: [], nextCursor: null });
    });
  });

  describe('invalid input', () => {
    let account: TestAccount;
    before(async () => {
      account = await api.newAccount();
    });

    const cases: [string, (body: any) => unknown, string][] = [
      ['an unknown field', (b) => ({ ...b, foo: 1 }), 'property foo should not exist'],
      ['an unknown nested field', (b) => ({ ...b, smtp: { ...b.smtp, tls: true } }), 'property smtp.tls should not exist'],
      ['a missing SMTP host', (b) => ({ ...b, smtp: { ...b.smtp, host: undefined } }), 'smtp.host must be a string'],
      ['a missing IMAP block', (b) => ({ ...b, imap: undefined }), 'imap must be an object'],
      ['an invalid email', (b) => ({ ...b, email: 'not-an-email' }), 'email must be an email'],
      ['an invalid time zone', (b) => ({ ...b, timeZone: 'Mars/Olympus' }), 'timeZone must be an IANA time zone'],
      ['a port out of range', (b) => ({ ...b, smtp: { ...b.smtp, port: 70000 } }), 'smtp.port must not be greater than 65535'],
    ];
    for (const [label, change, message] of cases) {
      it(`refuses ${label} with 400 validation_failed`, async () => {
        const res = await account.call('POST', '/v1/mailboxes', change(mailboxBody(smtp, 3)));
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.error.code, 'validation_failed');
        assert.ok(res.body.error.message.includes(message), `"${res.body.error.message}" mentions "${message}"`);
        assert.ok(res.body.error.details.some((d: any) => d.message.includes(message)));
      });
    }

    it('saved none of them', async () => {
      assert.deepEqual((await account.call('GET', '/v1/mailboxes')).body, { data: [], nextCursor: null });
    });
  });
});
