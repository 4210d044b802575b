import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { mailboxSyncWorkflowId } from '@relance/temporal';
import { ApiClient } from '../support/api-client';
import { RepliedCampaign, runRepliedCampaign } from '../support/replied-campaign';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const counts = (sent: number, opened: number, clicked: number, replied: number, bounced: number, unsubscribed: number, complained = 0) => ({
  sent, opened, clicked, replied, bounced, unsubscribed, complained,
  rates: {
    opened: opened / sent, clicked: clicked / sent, replied: replied / sent, bounced: bounced / sent, unsubscribed: unsubscribed / sent,
    complained: complained / sent,
  },
});

/**
 * Stats through the HTTP API on the real stack: two emails to three prospects, one reply
 * over IMAP; opens, clicks and an unsubscribe written as tracking would (repeated, to check
 * they count once per email), and a bounce as the mailbox sync will record it.
 */
describe('campaign stats', () => {
  let stack: RelanceStack;
  let api: ApiClient;
  let run: RepliedCampaign;

  before(async () => {
    stack = await startRelanceStack();
    const account = await stack.newAccount('Stats');
    api = account.api;
    run = await runRepliedCampaign(stack, api, 3);
    const { A, B, C } = run.messages;
    const events: [string, string][] = [
      [A[0], 'open'], [A[0], 'open'], [B[0], 'open'], [A[1], 'open'],
      [A[0], 'click'], [A[0], 'click'], [A[0], 'click'], [A[1], 'click'],
      [A[1], 'unsubscribe'],
    ];
    for (const [messageId, kind] of events) {
      await stack.dataSource.query(
        `INSERT INTO tracking_events (account_id, message_id, kind, url) VALUES ($1, $2, $3, $4)`,
        [account.accountId, messageId, kind, kind === 'click' ? 'https://relance.test/pricing' : null],
      );
    }
    await stack.dataSource.query(
      `INSERT INTO inbound_messages (account_id, mailbox_id, imap_uid_validity, imap_uid, kind, in_reply_to_message_id,
         enrollment_id, from_address, subject, body_text, bounce_status, bounce_reason)
       SELECT m.account_id, m.mailbox_id, 'stats-test', $2, 'bounce', m.id, m.enrollment_id, 'mailer-daemon@stats.test',
              'Undelivered Mail Returned to Sender', $3, $4, 'user_unknown'
       FROM messages m WHERE m.id = $1`,
      [C[1], 1, '550 5.1.1 user unknown', '5.1.1'],
    );
    // A soft bounce (the remote server is still trying) and a refusal of the sender (5.7.1, its
    // reputation: hard by its first digit) are not bounces in the stats; a complaint counts apart.
    const report = (messageId: string, uid: number, kind: string, status: string | null, reason: string | null) =>
      stack.dataSource.query(
        `INSERT INTO inbound_messages (account_id, mailbox_id, imap_uid_validity, imap_uid, kind, in_reply_to_message_id,
           enrollment_id, from_address, subject, body_text, bounce_status, bounce_reason, feedback_type)
         SELECT m.account_id, m.mailbox_id, 'stats-test', $2, $3, m.id, m.enrollment_id, 'mailer-daemon@stats.test',
                'Report', '', $4, $5, CASE WHEN $3 = 'complaint' THEN 'abuse' END
         FROM messages m WHERE m.id = $1`,
        [messageId, uid, kind, status, reason],
      );
    await report(C[0], 2, 'bounce', '4.2.2', 'mailbox_full');
    await report(B[0], 3, 'bounce', '5.7.1', 'blocked_reputation');
    await report(A[0], 4, 'complaint', null, null);
  });

  after(async () => {
    if (run) await stack.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(run.mailboxId)).terminate('test over').catch(() => undefined);
    await stack?.stop();
  });

  it('counts per email step and variant (unique per email), and per prospect in totals', async () => {
    const res = await api.get(`/v1/campaigns/${run.campaignId}/stats`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    // Email 1: Ann, Ben and Cid; Ann and Ben opened, Ann clicked and complained, Ben replied.
    const first = counts(3, 2, 1, 1, 0, 0, 1);
    // Email 2: Ann and Cid (Ben had replied); Ann opened, clicked and unsubscribed, Cid's bounced.
    const second = counts(2, 1, 1, 0, 1, 1);
    assert.deepEqual(res.body, {
      campaignId: run.campaignId,
      totals: {
        enrolled: 3,
        emailsSent: 5,
        // Prospects: all three reached, Ann and Ben opened, Ann clicked, unsubscribed and complained, Ben replied, Cid bounced.
        ...counts(3, 2, 1, 1, 1, 1, 1),
      },
      steps: [
        { stepId: run.stepIds[0], position: 0, ...first, variants: [{ variant: 'A', ...first }] },
        { stepId: run.stepIds[1], position: 2, ...second, variants: [{ variant: 'A', ...second }] },
      ],
    });
    assert.equal(res.body.steps[0].rates.opened, 2 / 3);
    assert.equal(res.body.totals.rates.replied, 1 / 3);
  });

  it('answers zeros and null rates for a campaign not launched', async () => {
    const draft = await api.post('/v1/campaigns', {
      name: 'Draft',
      mailboxId: run.mailboxId,
      steps: [{ type: 'email', subject: 'Hi', body: 'Hello' }],
    });
    const res = await api.get(`/v1/campaigns/${draft.body.id}/stats`);
    assert.equal(res.status, 200);
    const none = { sent: 0, opened: 0, clicked: 0, replied: 0, bounced: 0, unsubscribed: 0, complained: 0 };
    const noRates = { opened: null, clicked: null, replied: null, bounced: null, unsubscribed: null, complained: null };
    assert.deepEqual(res.body.totals, { enrolled: 0, emailsSent: 0, ...none, rates: noRates });
    assert.deepEqual(res.body.steps[0].variants, [{ variant: 'A', ...none, rates: noRates }]);
  });

  it('is 401 without a key, 404 to another account or for an unknown campaign, 400 for a malformed id', async () => {
    assert.equal((await new ApiClient(stack.apiUrl).get(`/v1/campaigns/${run.campaignId}/stats`)).status, 401);
    const other = await stack.newAccount('Other');
    const foreign = await other.api.get(`/v1/campaigns/${run.campaignId}/stats`);
    assert.equal(foreign.status, 404);
    assert.equal(foreign.body.error.code, 'not_found');
    assert.equal((await api.get(`/v1/campaigns/${randomUUID()}/stats`)).status, 404);
    assert.equal((await api.get('/v1/campaigns/nope/stats')).status, 400);
  });

  it('pages through the enrollments with a cursor, keeping the list fields', async () => {
    const path = `/v1/campaigns/${run.campaignId}/enrollments`;
    const all = await api.get(path);
    assert.equal(all.body.data.length, 3);
    assert.equal(all.body.nextCursor, null);
    const first = await api.get(`${path}?limit=2`);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.data, all.body.data.slice(0, 2));
    assert.equal(first.body.nextCursor, all.body.data[1].id);
    const second = await api.get(`${path}?limit=2&after=${first.body.nextCursor}`);
    assert.deepEqual(second.body, { data: all.body.data.slice(2), nextCursor: null });
  });

  it('refuses a bad enrollments limit or cursor with 400 naming the field', async () => {
    const path = `/v1/campaigns/${run.campaignId}/enrollments`;
    for (const [query, field] of [['limit=0', 'limit'], ['limit=1001', 'limit'], ['after=nope', 'after'],
      [`after=${run.prospectIds.A}`, 'after'], [`after=${randomUUID()}`, 'after']]) {
      const res = await api.get(`${path}?${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error.field, field, query);
    }
    assert.equal((await api.get(`${path}?limit=1000`)).status, 200);
  });
});
