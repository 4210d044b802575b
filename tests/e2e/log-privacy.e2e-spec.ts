import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { imapUser, testEnv } from '../harness/env';
import { eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const SMTP_PASSWORD = 'Smtp-Pa55word-of-the-rep';
const people = [
  { firstName: 'Augustina', lastName: 'Lovelace', company: 'Initechnics', email: 'augustina.lovelace@initechnics.test' },
  { firstName: 'Gracielle', lastName: 'Hopperton', company: 'Univacorp', email: 'gracielle.hopperton@univacorp.test' },
];

/** Log lines as the worker and the API write them, read back by the test. */
function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, stream };
}

/**
 * A campaign whose mailbox login starts failing after the mailbox was saved: the worker's and
 * the API's logs (debug level, Temporal's own lines included) say which enrollments failed and
 * why, and hold no password, no key, no prospect's address or name, no rep's address.
 */
describe('logs: failures are told with ids, never with secrets or people', () => {
  const logs = logCapture();
  let stack: RelanceStack;
  let refuseLogins = false;

  before(async () => {
    stack = await startRelanceStack({
      env: { LOG_LEVEL: 'debug' },
      logs: logs.stream,
      smtp: {
        // Servers quote the login they refuse: the rep's address reaches the error message.
        refuseLogin: ({ username }) => (refuseLogins ? `5.7.8 Authentication failed for ${username}` : undefined),
      },
    });
  });

  after(async () => {
    await stack?.stop();
  });

  it('logs the failed sends by enrollment, without a secret or a person in any line', async () => {
    const { api } = stack;
    const rep = imapUser(1);
    const { imap } = testEnv();
    const mailbox = await api.post('/v1/mailboxes', {
      email: rep.user,
      displayName: 'Ritabella Representative',
      minSpacingSeconds: 0,
      smtp: { host: stack.smtp.host, port: stack.smtp.port, username: rep.user, password: SMTP_PASSWORD },
      imap: { host: imap.host, port: imap.port, username: rep.user, password: rep.password },
    });
    assert.equal(mailbox.status, 201, JSON.stringify(mailbox.body));
    // Saved with a password the server took; from now on it refuses it (changed, revoked).
    refuseLogins = true;

    for (const person of people) assert.equal((await api.post('/v1/prospects', person)).status, 201);
    const campaign = await api.post('/v1/campaigns', {
      name: 'Logs',
      mailboxId: mailbox.body.id,
      steps: [{ type: 'email', subject: 'Hello {{ firstName }}', body: 'Hi {{ firstName }} {{ lastName }} of {{ company }}.' }],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    const enrollments = await eventually('both prospects enrolled', async () => {
      const list = (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data as { workflowId: string }[];
      return list.length === people.length ? list : undefined;
    });

    // Temporal's line for each failed attempt names the enrollment's workflow and carries the reason.
    const failedSend = (workflowId: string) => (line: string) =>
      line.includes('"Activity failed"') && line.includes(workflowId) && line.includes('refused the login');
    for (const { workflowId } of enrollments) {
      await eventually(`a failed send of ${workflowId} in the logs`, async () => (logs.lines.some(failedSend(workflowId)) ? true : undefined), 20_000);
    }
    assert.ok(logs.lines.some((line) => line.includes('"service":"test-api"') && line.includes('/v1/campaigns/:id/launch')), 'the API logged');

    const keys = [stack.config.vault.masterKeys, stack.config.temporal.payloadKeys, stack.config.tokens.signingKeys]
      .flatMap((ring) => [...ring.keys.values()])
      .concat(stack.config.suppression.hashKey)
      .flatMap((key) => [key.toString('base64'), key.toString('hex')]);
    const forbidden = [
      SMTP_PASSWORD, rep.password, rep.user, 'Ritabella', ...keys,
      ...people.flatMap((person) => [person.email, person.firstName, person.lastName, person.company]),
    ];
    const text = logs.lines.join('\n').toLowerCase();
    assert.deepEqual(forbidden.filter((needle) => text.includes(needle.toLowerCase())), [], 'found in the logs');
  });
});
