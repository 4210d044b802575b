import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TokenSigner, Vault } from '@relance/crypto';
import { EnrollmentRepository, MailboxRepository, OutboxRepository, MailboxSecretRepository } from '@relance/db';
import type { Mailbox } from '@relance/db';
import { sentFolderHolds, SmtpSender, type SmtpSettings } from '@relance/mail';
import { MailboxCredentials } from '@relance/mailboxes';
import { SentCopyKeeper, StepSender } from '@relance/sending';
import { mailboxSyncWorkflowId } from '@relance/temporal';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';
import { lastLookBeforeSend } from '../support/last-look';

/** What a terminated PostgreSQL connection looks like to the code that was using it. */
const connectionLost = () => new Error('Connection terminated unexpectedly');

/** The outbox, with markSent failing once on demand. */
class FlakyOutbox extends OutboxRepository {
  failNextMarkSent = false;
  override async markSent(id: string, smtpResponse: string): Promise<void> {
    if (this.failNextMarkSent) {
      this.failNextMarkSent = false;
      throw connectionLost();
    }
    return super.markSent(id, smtpResponse);
  }
}

/** The credentials, with the SMTP password lookup failing once on demand. */
class FlakyCredentials extends MailboxCredentials {
  failNextSmtp = false;
  override async smtp(mailbox: Mailbox): Promise<SmtpSettings> {
    if (this.failNextSmtp) {
      this.failNextSmtp = false;
      throw connectionLost();
    }
    return super.smtp(mailbox);
  }
}

/**
 * The database failing around a send (found by the chaos suite, pg_terminate_backend): an
 * error before SMTP must give the claim back, never leave the step `unknown` and unsent;
 * an error after the server accepted must not turn a message known to be sent into
 * `unknown`: the retry finds it in Sent and records it as sent, without sending it again.
 */
describe('database errors around a send', () => {
  let stack: RelanceStack;
  let mailboxId: string;
  let enrollmentId: string;
  let stepIds: string[];
  let sender: StepSender;
  let outbox: FlakyOutbox;
  let credentials: FlakyCredentials;
  let sentCopies: SentCopyKeeper;
  const smtp = new SmtpSender({ network: LOOPBACK_MAIL });
  const prospect = 'db-errors@prospects.test';
  const rep = () => imapUser(3);

  before(async () => {
    stack = await startRelanceStack();
    const { api } = stack;
    const mailbox = await api.post('/v1/mailboxes', {
      minSpacingSeconds: 0,
      email: rep().user,
      smtp: { host: stack.smtp.host, port: stack.smtp.port, username: rep().user, password: 'x' },
      imap: { host: testEnv().imap.host, port: testEnv().imap.port, username: rep().user, password: rep().password },
    });
    assert.equal(mailbox.status, 201, JSON.stringify(mailbox.body));
    mailboxId = mailbox.body.id;
    await api.post('/v1/prospects', { email: prospect });
    const email = (n: number) => ({ type: 'email', subject: `Database ${n}`, body: `Body ${n}`, newThread: true });
    const campaign = await api.post('/v1/campaigns', { name: 'Database errors', mailboxId, steps: [1, 2].map(email) });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    stepIds = campaign.body.steps.map((step: { id: string }) => step.id);
    // Enrolled without a workflow: the test plays the attempts the workflow would make.
    const [{ account_id: accountId }] = await stack.dataSource.query('SELECT account_id FROM mailboxes WHERE id = $1', [mailboxId]);
    const { batch } = await new EnrollmentRepository(stack.dataSource).enrollNextBatch({ accountId, campaignId: campaign.body.id, limit: 10 });
    enrollmentId = batch[0].enrollmentId;
    outbox = new FlakyOutbox(stack.dataSource);
    const mailboxes = new MailboxRepository(stack.dataSource);
    credentials = new FlakyCredentials(new MailboxSecretRepository(stack.vaultDataSource), new Vault(stack.config.vault.masterKeys));
    sentCopies = new SentCopyKeeper(stack.config, mailboxes, new MailboxCredentials(new MailboxSecretRepository(stack.vaultDataSource), new Vault(stack.config.vault.masterKeys)));
    const lastLook = lastLookBeforeSend(stack.config, stack.dataSource, { outbox, mailboxes, credentials, sentCopies });
    sender = new StepSender(
      stack.config, outbox, mailboxes, credentials, smtp, sentCopies, new TokenSigner(stack.config.tokens.signingKeys), lastLook,
    );
  });

  after(async () => {
    smtp.closeAll();
    // Its IMAP connection would otherwise keep this process alive until the idle close.
    await sentCopies?.onApplicationShutdown();
    await stack?.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(mailboxId)).terminate('test over').catch(() => undefined);
    await stack?.stop();
  });

  const rowOf = async (stepId: string) =>
    (await stack.dataSource.query('SELECT id, status, message_id_header, smtp_response FROM messages WHERE enrollment_id = $1 AND step_id = $2', [
      enrollmentId, stepId,
    ]))[0];
  const received = (messageId: string) => stack.smtp.messages.filter((m) => m.messageId === messageId).length;

  it('a failure before SMTP gives the claim back, and the retry sends the step once', async () => {
    credentials.failNextSmtp = true;
    await assert.rejects(sender.send(enrollmentId, stepIds[0]), /Connection terminated/);
    assert.equal(await rowOf(stepIds[0]), undefined, 'nothing left, nothing claimed');
    assert.deepEqual(await sender.send(enrollmentId, stepIds[0]), { outcome: 'sent' });
    const row = await rowOf(stepIds[0]);
    assert.equal(row.status, 'sent');
    assert.equal(received(row.message_id_header), 1);
  });

  it('a failure after the server accepted keeps the row open and a copy in Sent; the retry records it as sent, once', async () => {
    outbox.failNextMarkSent = true;
    await assert.rejects(sender.send(enrollmentId, stepIds[1]), /Connection terminated/);
    const open = await rowOf(stepIds[1]);
    assert.equal(open.status, 'sending', 'never `unknown`: the server said 250');
    assert.equal(received(open.message_id_header), 1);
    const imap = { host: testEnv().imap.host, port: testEnv().imap.port, secure: false, username: rep().user, password: rep().password };
    assert.equal(await sentFolderHolds(imap, open.message_id_header, { timeoutMs: 5_000, network: LOOPBACK_MAIL }), true);
    // Later, once no attempt can still be in flight:
    await stack.dataSource.query(`UPDATE messages SET claimed_at = now() - interval '1 hour' WHERE id = $1`, [open.id]);
    assert.deepEqual(await sender.send(enrollmentId, stepIds[1]), { outcome: 'sent' });
    const settled = await rowOf(stepIds[1]);
    assert.equal(settled.status, 'sent');
    assert.match(settled.smtp_response, /Sent folder/);
    assert.equal(received(open.message_id_header), 1, 'not sent again');
  });
});
