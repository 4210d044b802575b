import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';
import { setTimeout as sleep } from 'node:timers/promises';
import { MailboxRepository, Message, OutboxRepository, MailboxSecretRepository } from '@relance/db';
import { appendMessage } from '@relance/mail';
import { MailboxCredentials } from '@relance/mailboxes';
import { Vault } from '@relance/crypto';
import { SentCopyKeeper } from '@relance/sending';
import { mailboxSyncWorkflowId } from '@relance/temporal';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { ApiClient, eventually } from '../support/api-client';
import { lastLookBeforeSend } from '../support/last-look';
import { rawMail } from '../support/raw-mail';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const WAIT_SECONDS = 8;

interface Race {
  email: string;
  enrollmentId: string;
  firstMessageId: string;
  /** When the follow-up is due: the end of the wait step. */
  dueAt: number;
  /** How long before the due time the reply is appended. */
  aheadMs: number;
  /** When its APPEND completed, relative to the due time (negative: before). */
  landedMs?: number;
}

/**
 * A reply that has landed must stop the follow-up, however close to its due time it lands.
 * Each prospect answers the first email 0 to 500 ms before the second is due: in the half
 * second IMAP IDLE takes to tell the mailbox sync, only the last look at the INBOX before the
 * send can catch it. Every follow-up must stay unsent and every sequence end `replied`.
 */
describe('a reply that lands just before a follow-up is due stops it', () => {
  let stack: RelanceStack;
  const rep = imapUser(3);

  before(async () => {
    stack = await startRelanceStack();
  });

  after(async () => {
    await stack?.stop();
  });

  /**
   * Launches [email, wait, email] to `count` prospects; resolves once every first email has left,
   * with each one's first email and due time, and the follow-up step.
   */
  async function launch(
    api: ApiClient, label: string, count: number, waitSeconds = WAIT_SECONDS,
  ): Promise<{ mailboxId: string; followUpStepId: string; races: Race[] }> {
    const mailboxId = await stack.connectMailbox(api, 3, { minSpacingSeconds: 0 });
    const emails = Array.from({ length: count }, (_, i) => `${label}-${i}@race.test`);
    for (const email of emails) assert.equal((await api.post('/v1/prospects', { email })).status, 201);
    const campaign = await api.post('/v1/campaigns', {
      name: `Race ${label}`,
      mailboxId,
      steps: [
        { type: 'email', subject: `Hello ${label}`, body: 'One' },
        { type: 'wait', amount: waitSeconds, unit: 'seconds' },
        { type: 'email', body: 'Two' },
      ],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    const enrollments = await eventually('every enrollment to wait for its follow-up', async () => {
      const list = (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments?limit=100`)).body.data as any[];
      return list.length === count && list.every((e) => e.waiting?.reason === 'wait_step') ? list : undefined;
    }, 30_000);
    const prospects = (await api.get('/v1/prospects?limit=100')).body.data as { id: string; email: string }[];
    const races = enrollments.map((enrollment, i): Race => {
      const email = prospects.find((p) => p.id === enrollment.prospectId)!.email;
      const first = stack.smtp.messages.find((m) => m.envelope.to.includes(email))!;
      // Spread evenly over 0–500 ms ahead of the due time.
      return { email, enrollmentId: enrollment.id, firstMessageId: first.messageId!, dueAt: Date.parse(enrollment.waiting.until), aheadMs: Math.round((500 * i) / Math.max(1, count - 1)) };
    });
    return { mailboxId, followUpStepId: campaign.body.steps[2].id, races };
  }

  /**
   * Appends each prospect's reply so that it lands `aheadMs` before its follow-up is due, on one
   * session logged in beforehand: an APPEND is then a single round trip, and lands when planned.
   */
  async function replyJustBefore(races: Race[]): Promise<void> {
    const client = new ImapFlow({
      host: testEnv().imap.host, port: testEnv().imap.port, secure: false, auth: { user: rep.user, pass: rep.password }, logger: false,
    });
    await client.connect();
    try {
      let line = Promise.resolve();
      await Promise.all(races.map(async (race) => {
        await sleep(Math.max(0, race.dueAt - race.aheadMs - Date.now()));
        const reply = rawMail({
          from: race.email, to: rep.user, subject: 'Re: your email', text: 'Yes, call me.',
          inReplyTo: race.firstMessageId, references: [race.firstMessageId],
        });
        const appended = line.then(() => client.append('INBOX', reply)).then(() => undefined);
        line = appended.catch(() => undefined);
        await appended;
        race.landedMs = Date.now() - race.dueAt;
      }));
    } finally {
      await client.logout();
    }
  }

  const followUpsTo = (races: Race[]) =>
    stack.smtp.messages.filter((m) => m.text?.includes('Two') && races.some((race) => m.envelope.to.includes(race.email))).length;

  /**
   * The promise holds for replies that landed before the follow-up was due. An APPEND started at
   * the due time itself may complete a few milliseconds after it, once the send has looked: such
   * a race is counted apart (on a loaded machine an APPEND may take tens of milliseconds), and
   * must stay the minority, or the test would prove nothing.
   */
  function landedBeforeDue(races: Race[]): Race[] {
    const before = races.filter((race) => race.landedMs! < 0);
    assert.ok(before.length >= Math.ceil(races.length / 2), `${races.length - before.length} of ${races.length} replies landed after their due time`);
    return before;
  }

  /** Waits for every sequence to end; returns how many ended other than `replied`, naming them. */
  async function settle(api: ApiClient, races: Race[]): Promise<string[]> {
    const notReplied: string[] = [];
    for (const race of races) {
      const ended = await eventually(`${race.email} to end`, async () => {
        const enrollment = (await api.get(`/v1/enrollments/${race.enrollmentId}`)).body;
        return enrollment.status === 'active' || enrollment.status === 'paused' ? undefined : enrollment;
      }, 30_000);
      if (ended.status !== 'replied') notReplied.push(`${race.email} ${ended.status} (reply ${race.aheadMs} ms ahead, landed at ${race.landedMs} ms)`);
    }
    await sleep(2_000); // a follow-up that wrongly left would have reached the SMTP server by now
    return notReplied;
  }

  it('with the mailbox sync running: replies 0–500 ms before the due time, none of the follow-ups leave', async () => {
    const { api } = await stack.newAccount('Race with sync');
    const { races } = await launch(api, 'sync', 30);
    await replyJustBefore(races);
    const held = landedBeforeDue(races);
    const notReplied = await settle(api, held);
    const landed = races.map((race) => race.landedMs!).sort((a, b) => a - b);
    console.log(`[reply race, sync running] replies tried: ${races.length}, landed ${landed[0]} to ${landed[landed.length - 1]} ms ` +
      `from the due time (${held.length} before it), follow-ups that left: ${followUpsTo(held)} of those, ${followUpsTo(races)} in all`);
    assert.equal(followUpsTo(held), 0);
    assert.deepEqual(notReplied, [], 'every sequence ends replied');
  });

  it('with the mailbox sync stopped: the last look alone records the replies and holds every follow-up', async () => {
    const { api } = await stack.newAccount('Race without sync');
    const { mailboxId, races } = await launch(api, 'look', 12);
    // The sync has set its checkpoint; from now on only the look before each send reads the INBOX.
    await stack.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(mailboxId)).terminate('the last look alone');
    await replyJustBefore(races);
    const held = landedBeforeDue(races);
    const notReplied = await settle(api, held);
    console.log(`[reply race, sync stopped] replies tried: ${races.length}, ${held.length} landed before the due time, ` +
      `follow-ups that left: ${followUpsTo(held)} of those, ${followUpsTo(races)} in all`);
    assert.equal(followUpsTo(held), 0);
    assert.deepEqual(notReplied, [], 'every sequence ends replied');
  });

  /** The worker's look before a send, built by hand so a test can call it at a chosen moment. */
  function handBuiltLook() {
    const outbox = new OutboxRepository(stack.dataSource);
    const mailboxes = new MailboxRepository(stack.dataSource);
    const credentials = new MailboxCredentials(new MailboxSecretRepository(stack.vaultDataSource), new Vault(stack.config.vault.masterKeys));
    const sentCopies = new SentCopyKeeper(stack.config, mailboxes, credentials);
    return { look: lastLookBeforeSend(stack.config, stack.dataSource, { outbox, mailboxes, credentials, sentCopies }), mailboxes, sentCopies };
  }

  /** The follow-up each sequence would claim next, as the look sees a claimed row. */
  const followUpOf = (race: Race, mailboxId: string, followUpStepId: string) =>
    stack.dataSource.getRepository(Message).create({ enrollmentId: race.enrollmentId, stepId: followUpStepId, mailboxId, toAddress: race.email });

  it('refuses a follow-up whose reply the sync recorded, checkpoint and all, between the claim and the look', async () => {
    const { api } = await stack.newAccount('Race sync first');
    const { mailboxId, followUpStepId, races: [race] } = await launch(api, 'first', 1, 3600);
    const { look, mailboxes, sentCopies } = handBuiltLook();
    try {
      const checkpoint = (await mailboxes.findById(mailboxId))!.imapLastUid;
      await appendMessage(
        { host: testEnv().imap.host, port: testEnv().imap.port, secure: false, username: rep.user, password: rep.password },
        'INBOX',
        rawMail({ from: race.email, to: rep.user, subject: 'Re: Hello', text: 'Call me.', inReplyTo: race.firstMessageId, references: [race.firstMessageId] }),
        { network: LOOPBACK_MAIL },
      );
      // The sync records the reply and moves its checkpoint past it: the look finds nothing new.
      await eventually('the sync to record the reply and move on', async () => {
        const status = (await api.get(`/v1/enrollments/${race.enrollmentId}`)).body.status;
        return status === 'replied' && (await mailboxes.findById(mailboxId))!.imapLastUid !== checkpoint ? true : undefined;
      }, 30_000);
      assert.equal(await look.maySend(followUpOf(race, mailboxId, followUpStepId), false), false, 'the recorded reply ends the sequence');
    } finally {
      await sentCopies.onApplicationShutdown();
    }
  });

  it('costs one IMAP round trip and one read per follow-up when nothing has landed', async () => {
    const { api } = await stack.newAccount('Race cost');
    const { mailboxId, followUpStepId, races } = await launch(api, 'cost', 10, 3600);
    const { look, sentCopies } = handBuiltLook();
    try {
      const followUps = races.map((race) => followUpOf(race, mailboxId, followUpStepId));
      await look.maySend(followUps[0], false); // the connection is opened once, then kept
      const costs: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const message of followUps) {
          const began = process.hrtime.bigint();
          assert.equal(await look.maySend(message, false), true, 'nothing new: the send may go');
          costs.push(Number(process.hrtime.bigint() - began) / 1e6);
        }
      }
      costs.sort((a, b) => a - b);
      const at = (q: number) => costs[Math.min(costs.length - 1, Math.floor(q * costs.length))].toFixed(2);
      console.log(`[reply race] last look before a send, nothing new (n=${costs.length}): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
    } finally {
      await sentCopies.onApplicationShutdown();
    }
  });
});
