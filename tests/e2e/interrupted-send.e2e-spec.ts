import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { claimBillingRules } from '@relance/billing';
import { TokenSigner, Vault } from '@relance/crypto';
import { EnrollmentRepository, MailboxRepository, OutboxRepository, MailboxSecretRepository } from '@relance/db';
import { copyToSent, sentFolderHolds, SmtpSender } from '@relance/mail';
import { MailboxCredentials } from '@relance/mailboxes';
import type { ClaimRules, PaceContext } from '@relance/db/repositories/outbox.repository';
import { suppressionKeysFor } from '@relance/privacy/suppression-keys';
import { composeMessage, decideClaim, SentCopyKeeper, StepSender, TransientSendError } from '@relance/sending';
import type { PaceDecision } from '@relance/scheduling';
import { mailboxSyncWorkflowId } from '@relance/temporal';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';
import { lastLookBeforeSend } from '../support/last-look';

/**
 * Guarantee 1 after a crash between SMTP and the database update: the outbox row stays
 * `sending`; the next attempt asks the Sent folder before anything may leave again.
 */
describe('a send interrupted between SMTP and the database', () => {
  let stack: RelanceStack;
  let mailboxId: string;
  let enrollmentId: string;
  let stepIds: string[];
  let sender: StepSender;
  let outbox: OutboxRepository;
  let mailboxes: MailboxRepository;
  let credentials: MailboxCredentials;
  let sentCopies: SentCopyKeeper;
  const smtp = new SmtpSender({ network: LOOPBACK_MAIL });
  const prospect = 'crash-test@prospects.test';
  const rep = () => imapUser(4);
  const imapSettings = () => ({ host: testEnv().imap.host, port: testEnv().imap.port, secure: false, username: rep().user, password: rep().password });

  before(async () => {
    stack = await startRelanceStack();
    const { api } = stack;
    const mailbox = await api.post('/v1/mailboxes', {
      minSpacingSeconds: 0, // tests send back to back
      email: rep().user,
      smtp: { host: stack.smtp.host, port: stack.smtp.port, username: rep().user, password: 'x' },
      imap: { host: testEnv().imap.host, port: testEnv().imap.port, username: rep().user, password: rep().password },
    });
    mailboxId = mailbox.body.id;
    await api.post('/v1/prospects', { email: prospect });
    const email = (n: number) => ({ type: 'email', subject: `Step ${n}`, body: `Body ${n}`, newThread: true });
    const campaign = await api.post('/v1/campaigns', { name: 'Crash', mailboxId, steps: [1, 2, 3, 4, 5].map(email) });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    stepIds = campaign.body.steps.map((step: { id: string }) => step.id);
    // Enrolled without a workflow: the test plays the attempts the workflow would make.
    const { batch } = await new EnrollmentRepository(stack.dataSource).enrollNextBatch({
      accountId: (await stack.dataSource.query('SELECT account_id FROM mailboxes WHERE id = $1', [mailboxId]))[0].account_id,
      campaignId: campaign.body.id,
      limit: 10,
    });
    enrollmentId = batch[0].enrollmentId;
    outbox = new OutboxRepository(stack.dataSource);
    mailboxes = new MailboxRepository(stack.dataSource);
    credentials = new MailboxCredentials(new MailboxSecretRepository(stack.vaultDataSource), new Vault(stack.config.vault.masterKeys));
    sentCopies = new SentCopyKeeper(stack.config, mailboxes, credentials);
    const lastLook = lastLookBeforeSend(stack.config, stack.dataSource, { outbox, mailboxes, credentials, sentCopies });
    sender = new StepSender(
      stack.config, outbox, mailboxes, credentials, smtp, sentCopies, new TokenSigner(stack.config.tokens.signingKeys), lastLook,
    );
  });

  after(async () => {
    smtp.closeAll();
    // Its IMAP connection would otherwise keep this process alive until the idle close.
    await sentCopies?.onApplicationShutdown();
    await stack.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(mailboxId)).terminate('test over').catch(() => undefined);
    await stack.stop();
  });

  /** Claims the row and, like the crashed attempt, maybe sends it and maybe files it in Sent. */
  async function crashAfter(stepId: string, what: { sent: boolean; filed: boolean }) {
    const claim = await outbox.claim(enrollmentId, stepId, rules);
    assert.equal(claim.kind, 'claimed');
    const message = (claim as { message: { id: string; messageIdHeader: string; subject: string } }).message;
    if (what.sent) {
      const result = await smtp.send(mailboxId, await credentials.smtp((await mailboxes.findById(mailboxId))!), {
        from: { address: rep().user }, to: { address: prospect }, subject: message.subject, text: 'x', messageId: message.messageIdHeader,
      }, { timeoutMs: 5_000 });
      if (what.filed) await copyToSent(imapSettings(), result.raw, { timeoutMs: 5_000, network: LOOPBACK_MAIL });
    }
    // The crash happened long ago: no attempt can still be in flight.
    await stack.dataSource.query(`UPDATE messages SET claimed_at = now() - interval '1 hour' WHERE id = $1`, [message.id]);
    return message;
  }

  // The crashed attempt had been admitted: pacing is not what this suite is about.
  const admitNow = (context: PaceContext): PaceDecision => ({
    kind: 'admit',
    mailboxId: context.mailboxes[0].mailboxId,
    state: { day: 'test', dayCount: 0, nextSendAt: new Date(0), queueTailAt: new Date(0) },
  });

  const suppressionKeys = (email: string) => suppressionKeysFor(stack.config.suppression.hashKey, email);
  const rules: ClaimRules = { decide: decideClaim, compose: composeMessage, pace: admitNow, suppressionKeys, ...claimBillingRules(null, 0) };

  const received = (messageId: string) => stack.smtp.messages.filter((m) => m.messageId === messageId).length;
  const statusOf = async (id: string) => (await stack.dataSource.query('SELECT status, smtp_response FROM messages WHERE id = $1', [id]))[0];

  it('a normal send files a copy in Sent and learns that Relance must keep it', async () => {
    assert.deepEqual(await sender.send(enrollmentId, stepIds[0]), { outcome: 'sent' });
    const [row] = await stack.dataSource.query('SELECT message_id_header FROM messages WHERE step_id = $1', [stepIds[0]]);
    assert.equal(await sentFolderHolds(imapSettings(), row.message_id_header, { timeoutMs: 5_000, network: LOOPBACK_MAIL }), true);
    assert.equal((await mailboxes.findById(mailboxId))!.sentCopy, 'relance');
  });

  it('found in Sent: recorded as sent, not sent again', async () => {
    const message = await crashAfter(stepIds[1], { sent: true, filed: true });
    assert.deepEqual(await sender.send(enrollmentId, stepIds[1]), { outcome: 'sent' });
    assert.equal(received(message.messageIdHeader), 1);
    assert.match((await statusOf(message.id)).smtp_response, /Sent folder/);
  });

  it('not in Sent where Relance files the copies: unknown, never a second email', async () => {
    const message = await crashAfter(stepIds[2], { sent: true, filed: false });
    assert.deepEqual(await sender.send(enrollmentId, stepIds[2]), { outcome: 'unknown' });
    assert.equal(received(message.messageIdHeader), 1);
    assert.equal((await statusOf(message.id)).status, 'unknown');
  });

  it('not in Sent where the server files all it accepts: sent once, with the same Message-ID', async () => {
    await mailboxes.saveSentCopy(mailboxId, 'server');
    const message = await crashAfter(stepIds[3], { sent: false, filed: false });
    assert.deepEqual(await sender.send(enrollmentId, stepIds[3]), { outcome: 'sent' });
    assert.equal(received(message.messageIdHeader), 1);
    assert.equal((await statusOf(message.id)).status, 'sent');
  });

  it('an attempt that may still be in flight is left to finish', async () => {
    const claim = await outbox.claim(enrollmentId, stepIds[4], rules);
    assert.equal(claim.kind, 'claimed');
    await assert.rejects(sender.send(enrollmentId, stepIds[4]), TransientSendError);
  });
});
