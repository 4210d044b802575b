import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SmtpRejection } from '../harness/smtp-capture';
import { ApiClient, eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/**
 * What must hold whatever the SMTP server says and however often a launch is repeated:
 * each step reaches each prospect at most once, nothing leaves after a stop.
 */
describe('sending guarantees', () => {
  let stack: RelanceStack;
  const attempts = new Map<string, number>();
  // Per recipient: how the capture server answers (5xx always, 4xx on the first try).
  const refusals: Record<string, (attempt: number) => SmtpRejection | undefined> = {
    'hard-fail@prospects.test': () => ({ code: 550, message: 'Mailbox unavailable' }),
    'greylisted@prospects.test': (attempt) => (attempt === 1 ? { code: 451, message: 'Greylisted, try later' } : undefined),
  };

  before(async () => {
    stack = await startRelanceStack({
      smtp: {
        failWith: (envelope) => {
          const to = envelope.to[0];
          const attempt = (attempts.get(to) ?? 0) + 1;
          attempts.set(to, attempt);
          return refusals[to]?.(attempt);
        },
      },
    });
  });

  after(async () => {
    await stack?.stop();
  });

  async function setUp(api: ApiClient, userNumber: number, emails: string[], steps: unknown[]) {
    const mailboxId = await stack.connectMailbox(api, userNumber, { minSpacingSeconds: 0 });
    const prospectIds: string[] = [];
    for (const email of emails) {
      const created = await api.post('/v1/prospects', { email });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      prospectIds.push(created.body.id);
    }
    const campaign = await api.post('/v1/campaigns', { name: 'Guarantees', mailboxId, steps });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    return { campaignId: campaign.body.id as string, prospectIds };
  }

  const enrollmentsOf = async (api: ApiClient, campaignId: string) =>
    (await api.get(`/v1/campaigns/${campaignId}/enrollments`)).body.data as { id: string; prospectId: string; status: string }[];

  const allFinished = (api: ApiClient, campaignId: string, count: number) =>
    eventually('every enrollment to finish', async () => {
      const list = await enrollmentsOf(api, campaignId);
      return list.length === count && list.every((e) => e.status !== 'active') ? list : undefined;
    }, 40_000);

  it('launching twice enrolls nobody twice and sends each prospect one email', async () => {
    const { api } = await stack.newAccount('Twice');
    const emails = ['one@twice.test', 'two@twice.test', 'three@twice.test'];
    const { campaignId } = await setUp(api, 2, emails, [{ type: 'email', subject: 'Hi', body: 'Hello' }]);
    const first = await api.post(`/v1/campaigns/${campaignId}/launch`, { all: true });
    assert.equal(first.status, 202, JSON.stringify(first.body));
    await allFinished(api, campaignId, 3);
    const second = await api.post(`/v1/campaigns/${campaignId}/launch`, { all: true });
    assert.equal(second.status, 422, 'nobody is left to enroll');
    assert.equal(second.body.error.code, 'no_prospects');
    const list = await enrollmentsOf(api, campaignId);
    assert.equal(list.length, 3);
    for (const email of emails) {
      assert.equal(stack.smtp.messages.filter((m) => m.envelope.to.includes(email)).length, 1, email);
    }
  });

  it('a 5xx answer fails the message with the server reason, once; a 4xx is retried and delivered once', async () => {
    const { api } = await stack.newAccount('Failures');
    const emails = ['hard-fail@prospects.test', 'greylisted@prospects.test'];
    const { campaignId, prospectIds } = await setUp(api, 3, emails, [{ type: 'email', subject: 'Hi', body: 'Hello' }]);
    assert.equal((await api.post(`/v1/campaigns/${campaignId}/launch`, { all: true })).status, 202);
    const list = await allFinished(api, campaignId, 2);
    const status = (prospectId: string) => list.find((e) => e.prospectId === prospectId)!.status;
    assert.equal(status(prospectIds[0]), 'failed');
    assert.equal(status(prospectIds[1]), 'completed');
    assert.equal(attempts.get(emails[0]), 1, 'a permanent refusal is not retried');
    assert.equal(attempts.get(emails[1]), 2, 'a temporary refusal is retried');
    assert.equal(stack.smtp.messages.filter((m) => m.envelope.to.includes(emails[1])).length, 1);
    const [row] = await stack.dataSource.query(
      `SELECT m.status, m.error FROM messages m JOIN enrollments e ON e.id = m.enrollment_id WHERE e.prospect_id = $1`,
      [prospectIds[0]],
    );
    assert.equal(row.status, 'failed');
    assert.match(row.error, /550/);
    assert.match(row.error, /Mailbox unavailable/);
  });

  it('sends nothing after the prospect stops being contactable', async () => {
    const { api } = await stack.newAccount('Stops');
    const { campaignId, prospectIds } = await setUp(api, 4, ['stopper@prospects.test'], [
      { type: 'email', subject: 'Hi', body: 'First' },
      { type: 'wait', amount: 2, unit: 'seconds' },
      { type: 'email', body: 'Second' },
    ]);
    assert.equal((await api.post(`/v1/campaigns/${campaignId}/launch`, { all: true })).status, 202);
    await stack.smtp.waitFor((m) => m.envelope.to.includes('stopper@prospects.test'), 20_000);
    // As an unsubscribe or a blacklisting would: the prospect's state changes mid-wait.
    await stack.dataSource.query(`UPDATE prospects SET status = 'unsubscribed' WHERE id = $1`, [prospectIds[0]]);
    const [enrollment] = await allFinished(api, campaignId, 1);
    assert.equal(enrollment.status, 'stopped');
    assert.equal(stack.smtp.messages.filter((m) => m.envelope.to.includes('stopper@prospects.test')).length, 1);
  });
});
