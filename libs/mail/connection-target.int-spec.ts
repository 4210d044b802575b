import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { imapUser, testEnv } from '../../tests/harness/env';
import { startSmtpCapture, type SmtpCapture } from '../../tests/harness/smtp-capture';
import { TcpRelay } from '../../tests/support/tcp-relay';
import { connectionTarget, type HostLookup, type MailNetworkPolicy } from './connection-target';
import { readNewMessages } from './imap-reader';
import type { ImapSettings, SmtpSettings } from './mail-settings';
import { buildMessageId } from './message-id';
import { SentFolderConnections } from './sent-folder-connections';
import { SmtpSender } from './smtp-sender';
import { mailRejection } from '../../tests/support/mail-rejection';

const HOST = 'mail.rep-company.test';
const SMTP_PASSWORD = 'smtp-Secret-of-the-rep';
const PROSPECT = 'ada@prospect.test';

/**
 * A mailbox host whose DNS answer turns private after the mailbox was saved (DNS rebinding, a
 * record changed): every connection judges the address it is about to use, so with private
 * hosts denied neither the send, nor the IMAP read, nor the Sent copy reaches the loopback
 * servers (their accepted connections are counted); with private hosts allowed the same
 * connections work. The resolver is a dependency of the connection code, answered here.
 */
describe('mail connections judge the address they connect to', () => {
  let smtp: SmtpCapture;
  let imapRelay: TcpRelay;
  let answer: string[] = ['198.51.100.7'];
  const lookup: HostLookup = async (host) => {
    assert.equal(host, HOST);
    return answer;
  };
  const deny: MailNetworkPolicy = { allowPrivateHosts: false, lookup };
  const allow: MailNetworkPolicy = { allowPrivateHosts: true, lookup };
  const rep = imapUser(3);
  let smtpSettings: SmtpSettings;
  let imapSettings: ImapSettings;
  const denyingSender = new SmtpSender({ network: deny });
  const allowingSender = new SmtpSender({ network: allow });
  const deniedCopies = new SentFolderConnections({ timeoutMs: 5_000, network: deny });
  const allowedCopies = new SentFolderConnections({ timeoutMs: 5_000, network: allow });

  const mail = (n: number) => ({
    from: { address: rep.user },
    to: { address: PROSPECT, name: 'Ada Prospect' },
    subject: `Hello ${n}`,
    text: 'Hello',
    messageId: buildMessageId(`dns-${n}-${Date.now()}`, rep.user),
  });

  before(async () => {
    smtp = await startSmtpCapture();
    imapRelay = await TcpRelay.start(testEnv().imap);
    smtpSettings = { host: HOST, port: smtp.port, secure: false, username: rep.user, password: SMTP_PASSWORD };
    imapSettings = { host: HOST, port: imapRelay.port, secure: false, username: rep.user, password: rep.password };
  });

  after(async () => {
    for (const sender of [denyingSender, allowingSender]) sender.closeAll();
    await Promise.all([deniedCopies.closeAll(), allowedCopies.closeAll()]);
    await smtp.stop();
    await imapRelay.stop();
  });

  it('with private hosts denied, refuses every connection once the answer is private, reaching nothing', async () => {
    // When the mailbox was saved the host answered a public address: it passed.
    assert.equal((await connectionTarget('smtp', smtpSettings, deny)).address, '198.51.100.7');

    for (const privateAnswer of [['127.0.0.1'], ['198.51.100.7', '127.0.0.1'], ['::ffff:127.0.0.1']]) {
      answer = privateAnswer;
      const send = await mailRejection(denyingSender.send('mailbox-1', smtpSettings, mail(1), { timeoutMs: 5_000 }));
      assert.equal(send.code, 'smtp_host_private');
      assert.equal(send.permanent, true, 'a failed send, not a retry');
      assert.equal(send.maybeDelivered, false);
      assert.match(send.message, new RegExp(`^SMTP server ${HOST.replace(/\./g, '\\.')}:${smtp.port} resolves to [:.\\w]+, on this machine or a private network`));

      const read = await mailRejection(readNewMessages(imapSettings, { uidValidity: null, lastUid: 0 }, { network: deny, timeoutMs: 5_000 }));
      assert.equal(read.code, 'imap_host_private');
      assert.match(read.message, new RegExp(`^IMAP server ${HOST.replace(/\./g, '\\.')}:${imapRelay.port} resolves to`));

      const copy = await mailRejection(deniedCopies.append('mailbox-1', imapSettings, Buffer.from('Subject: x\r\n\r\nx\r\n')));
      assert.equal(copy.code, 'imap_host_private');

      for (const error of [send, read, copy]) {
        for (const secret of [SMTP_PASSWORD, rep.password, rep.user, PROSPECT]) assert.equal(error.message.includes(secret), false, secret);
      }
    }
    assert.equal(smtp.connections, 0, 'no SMTP connection reached the loopback server');
    assert.equal(imapRelay.accepted, 0, 'no IMAP connection reached the loopback server');
  });

  it('with private hosts allowed, the same connections go to the address the host resolved to', async () => {
    answer = ['127.0.0.1'];
    const sent = await allowingSender.send('mailbox-1', smtpSettings, mail(2), { timeoutMs: 5_000 });
    assert.equal(sent.accepted, true);
    assert.equal((await smtp.waitFor((m) => m.messageId === sent.messageId)).envelope.to[0], PROSPECT);

    const read = await readNewMessages(imapSettings, { uidValidity: null, lastUid: 0 }, { network: allow, timeoutMs: 5_000, fromNowOnFirstRead: true });
    assert.match(read.uidValidity, /^\d+$/);
    assert.equal(await allowedCopies.append('mailbox-1', imapSettings, sent.raw), true);
    assert.ok(smtp.connections >= 1);
    assert.ok(imapRelay.accepted >= 2, 'the read and the copy reached Dovecot through the relay');
  });
});
