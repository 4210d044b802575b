import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { mailboxSyncWorkflowId } from '@relance/temporal';
import { imapUser, testEnv } from '../harness/env';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const INJECTION = 'Hello\r\nBcc: evil@attacker.test';

/** CR/LF in anything that reaches a mail header is refused, or neutralised when it comes through data. */
describe('header injection', () => {
  let stack: RelanceStack;
  let mailboxId: string;

  before(async () => {
    stack = await startRelanceStack();
  });

  after(async () => {
    if (mailboxId) await stack.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(mailboxId)).terminate('test over').catch(() => undefined);
    await stack?.stop();
  });

  const fields = (body: { error: { details?: { field: string }[]; field?: string } }) =>
    [body.error.field, ...(body.error.details ?? []).map((d) => d.field)];

  it('refuses line breaks in subjects, display names and prospect fields, naming the field', async () => {
    const { api } = stack;
    const rep = imapUser(4);
    const { imap } = testEnv();
    const mailboxInput = {
      email: rep.user,
      minSpacingSeconds: 0,
      smtp: { host: stack.smtp.host, port: stack.smtp.port, username: rep.user, password: 'x' },
      imap: { host: imap.host, port: imap.port, username: rep.user, password: rep.password },
    };
    const badMailbox = await api.post('/v1/mailboxes', { ...mailboxInput, displayName: INJECTION });
    assert.equal(badMailbox.status, 400);
    assert.ok(fields(badMailbox.body).includes('displayName'), JSON.stringify(badMailbox.body));

    const mailbox = await api.post('/v1/mailboxes', mailboxInput);
    assert.equal(mailbox.status, 201, JSON.stringify(mailbox.body));
    mailboxId = mailbox.body.id;

    const badSubject = await api.post('/v1/campaigns', { name: 'x', mailboxId, steps: [{ type: 'email', subject: INJECTION, body: 'b' }] });
    assert.equal(badSubject.status, 400);
    assert.ok(fields(badSubject.body).includes('steps.0.subject'), JSON.stringify(badSubject.body));
    const badVariant = await api.post('/v1/campaigns', {
      name: 'x', mailboxId, steps: [{ type: 'email', variants: [{ subject: 'ok', body: 'b' }, { subject: 'a\nb', body: 'b' }] }],
    });
    assert.equal(badVariant.status, 400);
    assert.ok(fields(badVariant.body).includes('steps.0.variants.1.subject'), JSON.stringify(badVariant.body));

    const badProspect = await api.post('/v1/prospects', { email: 'p@injection.test', firstName: INJECTION });
    assert.equal(badProspect.status, 400);
    assert.ok(fields(badProspect.body).includes('firstName'), JSON.stringify(badProspect.body));
  });

  it('keeps a subject on one line when a custom field value carries line breaks', async () => {
    const { api } = stack;
    const email = 'multiline@injection.test';
    const prospect = await api.post('/v1/prospects', { email, customFields: { topic: INJECTION } });
    assert.equal(prospect.status, 201, JSON.stringify(prospect.body));
    const campaign = await api.post('/v1/campaigns', {
      name: 'Injection', mailboxId, steps: [{ type: 'email', subject: 'About {{ custom.topic }}', body: 'Body' }],
    });
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    const message = await stack.smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
    assert.deepEqual(message.envelope.to, [email], 'nobody else received it');
    assert.equal(message.subject, 'About Hello Bcc: evil@attacker.test');
    const head = message.raw.toString('utf8').split('\r\n\r\n')[0];
    assert.doesNotMatch(head, /^Bcc:/im, 'no header was injected');
  });
});
