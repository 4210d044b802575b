import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '@relance/config';
import { Vault } from '@relance/crypto';
import { MailboxRepository } from '@relance/db/repositories/mailbox.repository';
import { MailboxSecretRepository } from '@relance/db/repositories/mailbox-secret.repository';
import { getFreePort } from '@relance/devservices/free-port';
import { verifyImap } from '@relance/mail';
import { MailboxCredentials } from '@relance/mailboxes/mailbox-credentials.service';
import { mailboxEnabledWorkflowId, mailboxSyncWorkflowId } from '@relance/temporal/contracts';
import { eventually } from '../../support/api-client';
import { LOOPBACK_MAIL, testEnv } from '../../harness/env';
import { setMailUserPassword } from '../../harness/mail-users';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { createCampaign, createMailbox } from '../../support/api-fixtures';
import { TestApi, TestAccount } from '../../support/test-api';

/** PATCH /v1/mailboxes/:id: what may change, how it is checked, and what a change resets. */
describe('mailbox edits', () => {
  let api: TestApi;
  let smtp: SmtpCapture;
  let account: TestAccount;

  before(async () => {
    [api, smtp] = await Promise.all([TestApi.start(), startSmtpCapture()]);
    account = await api.newAccount('editor');
  });
  after(async () => {
    await api?.close();
    await smtp?.stop();
  });

  /** A Dovecot user of its own, so changing its password disturbs no other test. */
  async function mailUser(password: string): Promise<string> {
    const user = `edit-${randomUUID().slice(0, 8)}@relance.test`;
    await setPassword(user, password);
    return user;
  }

  /** Changes a Dovecot password and waits until Dovecot has read it (it looks at most once a second). */
  async function setPassword(user: string, password: string): Promise<void> {
    await setMailUserPassword(user, password);
    const { host, port } = testEnv().imap;
    await eventually(`Dovecot to take ${user}'s new password`, () =>
      verifyImap({ host, port, secure: false, username: user, password }, { timeoutMs: 5_000, network: LOOPBACK_MAIL }).then(() => true, () => undefined),
    );
  }

  async function newMailbox(user: string, password: string): Promise<any> {
    const { host, port } = testEnv().imap;
    const res = await account.call('POST', '/v1/mailboxes', {
      email: user, displayName: 'Editable',
      smtp: { host: smtp.host, port: smtp.port, username: user, password },
      imap: { host, port, username: user },
    });
    assert.equal(res.status, 201, res.text);
    return res.body;
  }

  const patch = (id: string, body: unknown) => account.call('PATCH', `/v1/mailboxes/${id}`, body);
  const secretOf = async (id: string) =>
    (await api.vaultDataSource.query('SELECT key_id, wrapped_key, ciphertext FROM mailbox_secrets WHERE mailbox_id = $1', [id]))[0];
  const credentials = () => new MailboxCredentials(new MailboxSecretRepository(api.vaultDataSource), new Vault(loadConfig().vault.masterKeys));

  describe('who may, and what is refused', () => {
    let mailbox: any;

    before(async () => {
      mailbox = await newMailbox(await mailUser('first-pass-1'), 'first-pass-1');
    });

    it('needs a key, and finds only the account\'s own mailboxes', async () => {
      assert.equal((await api.request('PATCH', `/v1/mailboxes/${mailbox.id}`, { body: { dailyLimit: 5 } })).status, 401);
      const other = await api.newAccount('other');
      const foreign = await other.call('PATCH', `/v1/mailboxes/${mailbox.id}`, { dailyLimit: 5 });
      assert.equal(foreign.status, 404);
      assert.equal(foreign.body.error.code, 'not_found');
      assert.equal((await patch(randomUUID(), { dailyLimit: 5 })).status, 404);
      assert.equal((await patch('not-a-uuid', { dailyLimit: 5 })).status, 400);
      assert.equal((await account.call('GET', `/v1/mailboxes/${mailbox.id}`)).body.dailyLimit, 50);
    });

    const refusals: [string, object, string, string][] = [
      ['its address', { email: 'other@relance.test' }, 'email',
        'email cannot be changed: a different address is a different mailbox: add it as a new mailbox'],
      ['an unknown field', { colour: 'red' }, 'colour', 'property colour should not exist'],
      ['a daily limit of 0', { dailyLimit: 0 }, 'dailyLimit', 'dailyLimit must not be less than 1'],
      ['a null daily limit', { dailyLimit: null }, 'dailyLimit', 'dailyLimit cannot be null: leave it out to keep it as it is'],
      ['a spacing of a day and more', { minSpacingSeconds: 86_401 }, 'minSpacingSeconds', 'minSpacingSeconds must not be greater than 86400'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone', 'timeZone must be an IANA time zone'],
      ['a display name on two lines', { displayName: 'Ada\r\nBcc: x@y.z' }, 'displayName', 'displayName must be a single line'],
      ['an SMTP port out of range', { smtp: { port: 70_000 } }, 'smtp.port', 'smtp.port must not be greater than 65535'],
      ['an unknown SMTP setting', { smtp: { tls: true } }, 'smtp.tls', 'property smtp.tls should not exist'],
      ['a null SMTP host', { smtp: { host: null } }, 'smtp.host', 'smtp.host must be a string'],
      ['a null IMAP password', { imap: { password: null } }, 'imap.password', 'imap.password cannot be null'],
      ['a window day that does not exist', { sendingWindow: { days: [1, 8], hours: [{ start: '09:00', end: '17:00' }] } },
        'sendingWindow.days.1', 'sendingWindow.days.1: must be a whole number from 1 (Monday) to 7 (Sunday), got 8'],
      ['overlapping window hours', {
        sendingWindow: { days: [1], hours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] },
      }, 'sendingWindow.hours.1', 'sendingWindow.hours.1: 11:00-13:00 overlaps hours[0] 09:00-12:00'],
      ['a window without hours', { sendingWindow: { days: [1] } }, 'sendingWindow.hours', 'sendingWindow.hours must be an array'],
      ['disabled as a word', { disabled: 'yes' }, 'disabled', 'disabled must be a boolean value'],
    ];
    for (const [label, body, field, message] of refusals) {
      it(`refuses ${label} with a 400 naming ${field}`, async () => {
        const res = await patch(mailbox.id, body);
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.error.code, 'validation_failed');
        assert.ok(res.body.error.details.some((d: any) => d.field === field && d.message.startsWith(message)), res.text);
      });
    }

    it('changed nothing while refusing', async () => {
      assert.deepEqual((await account.call('GET', `/v1/mailboxes/${mailbox.id}`)).body, mailbox);
    });
  });

  describe('settings that need no login', () => {
    it('changes limits, spacing, zone, window and name, and only those, without calling the servers', async () => {
      const mailbox = await newMailbox(await mailUser('plain-pass-1'), 'plain-pass-1');
      const connections = smtp.connections;
      const window = { days: [1, 2, 3, 4, 5], hours: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '17:30' }] };
      const res = await patch(mailbox.id, {
        displayName: 'Ada at Acme', dailyLimit: 20, minSpacingSeconds: 5, spacingJitterSeconds: 2, timeZone: 'america/new_york',
        sendingWindow: window,
      });
      assert.equal(res.status, 200, res.text);
      assert.deepEqual(res.body, {
        ...mailbox, displayName: 'Ada at Acme', dailyLimit: 20, minSpacingSeconds: 5, spacingJitterSeconds: 2,
        timeZone: 'America/New_York', sendingWindow: window,
      });
      assert.deepEqual((await account.call('GET', `/v1/mailboxes/${mailbox.id}`)).body, res.body);
      assert.equal(smtp.connections, connections, 'no login for settings the servers do not see');
      const cleared = await patch(mailbox.id, { sendingWindow: null });
      assert.equal(cleared.body.sendingWindow, null, 'null: any time again');
      assert.deepEqual((await patch(mailbox.id, {})).body, cleared.body, 'an empty change changes nothing');
    });

    it("keeps today's count when the zone changes: a new zone is no fresh daily budget", async () => {
      const mailbox = await newMailbox(await mailUser('zone-pass-1'), 'zone-pass-1');
      // 30 sends counted today in UTC (the mailbox's zone), as claims record them.
      const today = new Date().toISOString().slice(0, 10);
      await api.dataSource.query(
        `INSERT INTO mailbox_send_state (mailbox_id, day, day_count, next_send_at, queue_tail_at) VALUES ($1, $2, 30, now(), now())`,
        [mailbox.id, today],
      );
      // A zone whose date differs from UTC's right now (UTC+14 from 10:00 UTC, UTC-11 before 11:00 UTC):
      // left as it was, the count would read as another day's and start again from 0.
      const dateIn = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
      const zone = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].find((candidate) => dateIn(candidate) !== today)!;
      assert.equal((await patch(mailbox.id, { timeZone: zone })).status, 200);
      const [state] = await api.dataSource.query('SELECT day, day_count FROM mailbox_send_state WHERE mailbox_id = $1', [mailbox.id]);
      assert.deepEqual([state.day, state.day_count], [dateIn(zone), 30]);
    });
  });

  describe('servers and passwords', () => {
    let user: string;
    let mailbox: any;

    before(async () => {
      user = await mailUser('old-pass-1');
      mailbox = await newMailbox(user, 'old-pass-1');
      await api.dataSource.query(`UPDATE mailboxes SET imap_uid_validity = '123', imap_last_uid = 7, sent_copy = 'server' WHERE id = $1`, [
        mailbox.id,
      ]);
    });

    it('refuses a password the IMAP server refuses with a 422 naming it, and changes nothing', async () => {
      const secret = await secretOf(mailbox.id);
      const res = await patch(mailbox.id, { imap: { password: 'not-the-password' }, dailyLimit: 7 });
      assert.equal(res.status, 422, res.text);
      assert.equal(res.body.error.code, 'imap_auth_failed');
      assert.equal(res.body.error.field, 'imap');
      assert.ok(!res.text.includes('not-the-password'));
      assert.deepEqual(await secretOf(mailbox.id), secret, 'the vault row is untouched');
      assert.equal((await account.call('GET', `/v1/mailboxes/${mailbox.id}`)).body.dailyLimit, 50, 'nor anything else');
    });

    it('refuses an SMTP server that does not answer with a 422 naming it', async () => {
      const port = await getFreePort();
      const res = await patch(mailbox.id, { smtp: { port } });
      assert.equal(res.status, 422, res.text);
      assert.equal(res.body.error.code, 'smtp_unreachable');
      assert.match(res.body.error.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
      assert.equal((await account.call('GET', `/v1/mailboxes/${mailbox.id}`)).body.smtp.port, smtp.port);
    });

    it('takes a rotated password once the servers accept it, sealed again, for both servers when they shared it', async () => {
      const rotated = 'rotated-password-2';
      await setPassword(user, rotated);
      const before = await secretOf(mailbox.id);
      const res = await patch(mailbox.id, { smtp: { password: rotated } });
      assert.equal(res.status, 200, res.text);
      assert.ok(!res.text.includes(rotated));
      const after = await secretOf(mailbox.id);
      assert.equal(after.key_id, 't1');
      assert.ok(!after.ciphertext.equals(before.ciphertext), 'sealed again');
      for (const column of [after.wrapped_key, after.ciphertext] as Buffer[]) assert.equal(column.includes(Buffer.from(rotated)), false);
      const row = await new MailboxRepository(api.dataSource).findById(mailbox.id);
      assert.equal((await credentials().smtp(row!)).password, rotated);
      assert.equal((await credentials().imap(row!)).password, rotated, 'the IMAP password followed: it was the same');
      // Same server, same account: the sync goes on from where it was.
      assert.deepEqual([row!.imapUidValidity, row!.imapLastUid, row!.sentCopy], ['123', 7, 'server']);
      // The old password is now refused by the server, and so by the API.
      const old = await patch(mailbox.id, { imap: { password: 'old-pass-1' } });
      assert.equal(old.status, 422, old.text);
    });

    it('reads another IMAP account from its new mail on: the checkpoint and what was learnt of the servers reset', async () => {
      const other = await mailUser('other-pass-3');
      const res = await patch(mailbox.id, { imap: { username: other, password: 'other-pass-3' } });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.imap.username, other);
      const row = await new MailboxRepository(api.dataSource).findById(mailbox.id);
      assert.deepEqual([row!.imapUidValidity, row!.imapLastUid, row!.sentCopy, row!.syncError], [null, 0, null, null]);
      assert.equal((await credentials().imap(row!)).password, 'other-pass-3');
      assert.equal((await credentials().smtp(row!)).password, 'rotated-password-2', 'the SMTP one stays');
      // A sync pass that began on the old account ends after the change: its checkpoint is not kept.
      await new MailboxRepository(api.dataSource).saveSyncState(
        { id: mailbox.id, imapHost: mailbox.imap.host, imapUsername: user },
        { imapUidValidity: '999', imapLastUid: 50, syncError: null },
      );
      const after = await new MailboxRepository(api.dataSource).findById(mailbox.id);
      assert.deepEqual([after!.imapUidValidity, after!.imapLastUid], [null, 0]);
    });
  });

  describe('disabled', () => {
    it('sends nothing while disabled: no new campaign on it, and its sync goes on', async () => {
      const mailboxId = await createMailbox(account, smtp, 4);
      const spare = await createMailbox(account, smtp, 3);
      const res = await patch(mailboxId, { disabled: true });
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.disabled, true);
      for (const body of [{ mailboxId }, { mailboxId: spare, mailboxIds: [mailboxId] }]) {
        const campaign = await account.call('POST', '/v1/campaigns', { name: 'On a disabled mailbox', ...body, steps: [
          { type: 'email', subject: 'Hi', body: 'Hello' },
        ] });
        assert.equal(campaign.status, 409, campaign.text);
        assert.equal(campaign.body.error.field, 'mailboxIds' in body ? 'mailboxIds.0' : 'mailboxId');
        assert.match(campaign.body.error.message, new RegExp(`mailbox ${mailboxId} is disabled and sends nothing: enable it`));
      }
      const sync = await api.temporal.workflow.getHandle(mailboxSyncWorkflowId(mailboxId)).describe();
      assert.equal(sync.status.name, 'RUNNING', 'replies to mail already sent are still read');
    });

    it('wakes the campaigns still sending with it once enabled again, each under its own control workflow', async () => {
      const mailboxId = await createMailbox(account, smtp, 2);
      const [running, paused] = [await createCampaign(account, mailboxId), await createCampaign(account, mailboxId)];
      await api.dataSource.query(`UPDATE campaigns SET status = 'active' WHERE id = $1`, [running]);
      await api.dataSource.query(`UPDATE campaigns SET status = 'paused' WHERE id = $1`, [paused]);
      assert.equal((await patch(mailboxId, { disabled: true })).status, 200);
      const enabled = await patch(mailboxId, { disabled: false });
      assert.equal(enabled.status, 200, enabled.text);
      assert.equal(enabled.body.disabled, false);
      const wake = api.temporal.workflow.getHandle(mailboxEnabledWorkflowId(mailboxId, running));
      try {
        const described = await wake.describe();
        assert.equal(described.type, 'campaignControlWorkflow');
        assert.equal(described.taskQueue, 'sequences');
        // A paused campaign's enrollments wait for its own resume, which wakes them all anyway.
        await assert.rejects(api.temporal.workflow.getHandle(mailboxEnabledWorkflowId(mailboxId, paused)).describe());
      } finally {
        await wake.terminate('test over');
      }
    });
  });
});
