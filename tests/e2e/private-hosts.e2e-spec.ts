import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/**
 * The worker judges every connection itself: a mailbox saved while its hosts were acceptable
 * (here by an API that allows private hosts) gets nothing through a worker that denies them,
 * and operators see why where they look: the enrollment failed with the reason, the mailbox
 * shows a sync error. Nothing reaches the loopback SMTP server after the save.
 */
describe('private mail hosts: refused at every connection, visible to operators', () => {
  let stack: RelanceStack;

  before(async () => {
    stack = await startRelanceStack({ workerEnv: { MAIL_PRIVATE_HOSTS: 'deny' } });
  });

  after(async () => {
    await stack?.stop();
  });

  it('fails the send with the reason and records the sync error, connecting to nothing', async () => {
    const { api, smtp } = stack;
    const mailboxId = await stack.connectMailbox(api, 1, { minSpacingSeconds: 0 });
    const connectionsAfterSave = smtp.connections;
    const prospect = await api.post('/v1/prospects', { email: 'ada@prospects.test', firstName: 'Ada' });
    const campaign = await api.post('/v1/campaigns', {
      name: 'Private hosts', mailboxId, steps: [{ type: 'email', subject: 'Hello', body: 'Hi {{ firstName }}' }],
    });
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);

    const failed = await eventually('the enrollment to fail', async () => {
      const list = await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`);
      const enrollment = list.body.data.find((e: { prospectId: string }) => e.prospectId === prospect.body.id);
      return enrollment?.status === 'failed' ? enrollment : undefined;
    }, 30_000);
    assert.match(failed.stopReason, /^SMTP server 127\.0\.0\.1:\d+ is on this machine or a private network, where this server does not connect \(its operator can allow it with MAIL_PRIVATE_HOSTS=allow\)$/);

    const mailbox = await eventually('the mailbox to show a sync error', async () => {
      const { body } = await api.get(`/v1/mailboxes/${mailboxId}`);
      return body.syncError ? body : undefined;
    }, 30_000);
    assert.match(mailbox.syncError, /^IMAP server 127\.0\.0\.1:\d+ is on this machine or a private network/);
    assert.equal(smtp.connections, connectionsAfterSave, 'the worker opened no SMTP connection');
    assert.equal(smtp.messages.length, 0);
  });
});
