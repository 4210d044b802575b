import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WorkflowNotFoundError } from '@temporalio/client';
import { simpleParser } from 'mailparser';
import { appendMessage } from '@relance/mail';
import { anonymiseIp } from '@relance/privacy/anonymise-ip';
import { findText } from '@relance/privacy/erasure/testing/text-scan';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { eventually } from '../support/api-client';
import { rawMail } from '../support/raw-mail';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const PUBLIC_URL = 'https://relance.example.test';

/**
 * After a real campaign (sent over SMTP, answered over IMAP, opened through the pixel), forgetting
 * one prospect leaves their address, names and IP in no text, varchar, jsonb or text[] column of
 * any table, while their colleague's data and sequence stay as they were.
 */
describe('erasure after a real campaign: nothing of the person is left in any column', () => {
  let stack: RelanceStack;

  before(async () => {
    // Trusting the loopback proxy lets each prospect's open come from an address of its own.
    stack = await startRelanceStack({ env: { API_PUBLIC_URL: PUBLIC_URL, TRUST_PROXY: 'loopback' } });
  });

  after(async () => {
    await stack?.stop();
  });

  const ada = { email: 'wilhelmina.erasable@scan-erasure.test', firstName: 'Wilhelmina', lastName: 'Erasmusdottir', ip: '198.18.77.23' };
  const bob = { email: 'bartholomew.kept@scan-erasure.test', firstName: 'Bartholomew', lastName: 'Keepington', ip: '198.18.78.41' };
  /** Forgotten while his sequence waits for its next step. */
  const carl = { email: 'carl.waiting@scan-erasure.test', firstName: 'Carlitos', lastName: 'Waitsalot', ip: '198.18.79.5' };

  it('forgets one prospect completely and leaves the colleague alone', async () => {
    const { api, smtp } = stack;
    const rep = imapUser(2);
    const { imap } = testEnv();
    const mailboxId = await stack.connectMailbox(api, 2, { displayName: 'Rita Rep', minSpacingSeconds: 0 });
    const ids: Record<string, string> = {};
    for (const person of [ada, bob, carl]) {
      const created = await api.post('/v1/prospects', {
        email: person.email, firstName: person.firstName, lastName: person.lastName, company: 'Shared Optics',
        customFields: { nickname: `${person.firstName}-the-great` },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      ids[person.email] = created.body.id;
    }
    const campaign = await api.post('/v1/campaigns', {
      name: 'Erasure scan',
      mailboxId,
      steps: [
        { type: 'email', subject: 'Hello {{ firstName }} {{ lastName }}', body: 'Dear {{ firstName }}, see https://optics.example.test/offer' },
        { type: 'wait', amount: 1, unit: 'hours' },
        { type: 'email', body: 'Following up, {{ firstName }}.' },
      ],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);

    const sent: Record<string, { messageId: string; pixel: string; subject: string }> = {};
    for (const person of [ada, bob, carl]) {
      const captured = await smtp.waitFor((m) => m.envelope.to.includes(person.email), 20_000);
      const html = (await simpleParser(captured.raw)).html || '';
      const pixel = /<img src="([^"]+)"/.exec(html)?.[1] ?? '';
      assert.ok(pixel, 'a tracked email');
      sent[person.email] = { messageId: captured.messageId!, pixel, subject: captured.subject ?? '' };
      // The prospect opens it from their own address.
      const res = await fetch(`${stack.apiUrl}${new URL(pixel).pathname}`, { headers: { 'x-forwarded-for': person.ip, 'user-agent': 'Scan/1.0' } });
      assert.equal(res.status, 200);
    }

    // Ada answers; the reply lands in the rep's INBOX and is stored with her enrollment.
    await appendMessage(
      { host: imap.host, port: imap.port, secure: false, username: rep.user, password: rep.password },
      'INBOX',
      rawMail({
        from: `${ada.firstName} ${ada.lastName} <${ada.email}>`, to: rep.user, subject: `Re: ${sent[ada.email].subject}`,
        text: `Not now, thanks.\n${ada.firstName} ${ada.lastName}\n\n> Dear ${ada.firstName}`,
        inReplyTo: sent[ada.email].messageId, references: [sent[ada.email].messageId],
      }),
      { network: LOOPBACK_MAIL },
    );
    await eventually('the reply to be stored', async () => {
      const [row] = await stack.dataSource.query(`SELECT id FROM inbound_messages WHERE from_address = $1`, [ada.email]);
      return row;
    }, 30_000);

    const needles = (p: typeof ada) => [p.email, p.firstName, p.lastName, p.ip, anonymiseIp(p.ip)!];
    assert.ok((await findText(stack.dataSource, needles(ada))).length >= 5, 'the campaign left her data in several places');

    const forgotten = await api.post(`/v1/prospects/${ids[ada.email]}/forget`);
    assert.equal(forgotten.status, 200, JSON.stringify(forgotten.body));
    assert.equal(forgotten.body.counts.prospects, 1);
    assert.equal(forgotten.body.counts.enrollments, 1);
    assert.equal(forgotten.body.counts.messages, 1);
    assert.equal(forgotten.body.counts.inbound_messages, 1);
    assert.equal(forgotten.body.counts.tracking_events, 1);
    assert.ok(forgotten.body.workflows.deletedRuns >= 1, 'her sequence\'s history is deleted');

    assert.deepEqual(await findText(stack.dataSource, needles(ada)), [], 'no column of any table holds her address, names or IP');

    // The colleague: every row and the running sequence as they were.
    const bobHits = new Set((await findText(stack.dataSource, needles(bob))).map((hit) => `${hit.table}.${hit.column}`));
    for (const column of ['prospects.email', 'prospects.first_name', 'prospects.last_name', 'messages.to_address', 'messages.subject',
      'tracking_events.ip_anonymised']) {
      assert.ok(bobHits.has(column), `the colleague keeps ${column}`);
    }
    const enrollmentOf = async (email: string) => {
      const list = await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`);
      return list.body.data.find((e: { prospectId: string }) => e.prospectId === ids[email]);
    };
    const bobEnrollment = await enrollmentOf(bob.email);
    assert.equal(bobEnrollment.status, 'active');

    // A sequence still running (waiting an hour for its next step) is terminated and its history deleted.
    const carlEnrollment = await enrollmentOf(carl.email);
    const carlWorkflow = stack.temporal.client.workflow.getHandle(`enrollment:${carlEnrollment.id}`);
    assert.equal((await carlWorkflow.describe()).status.name, 'RUNNING');
    const carlForgotten = await api.post(`/v1/prospects/${ids[carl.email]}/forget`);
    assert.equal(carlForgotten.status, 200, JSON.stringify(carlForgotten.body));
    assert.equal(carlForgotten.body.workflows.terminated, 1);
    await eventually('his workflow to be gone', async () =>
      carlWorkflow.describe().then(() => undefined, (error) => (error instanceof WorkflowNotFoundError ? true : undefined)), 10_000);
    const bobWorkflow = await stack.temporal.client.workflow.getHandle(`enrollment:${bobEnrollment.id}`).describe();
    assert.equal(bobWorkflow.status.name, 'RUNNING', 'the colleague\'s sequence runs on');
    assert.deepEqual(await findText(stack.dataSource, needles(carl)), []);

    // Never again: the address is refused, and nothing more was sent to it.
    const again = await api.post('/v1/prospects', { email: ada.email.toUpperCase() });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'suppressed');
    assert.equal(smtp.messages.filter((m) => m.envelope.to.includes(ada.email)).length, 1);
  });
});
