import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appendMessage } from '@relance/mail';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { ApiClient, eventually } from '../support/api-client';
import { rawMail } from '../support/raw-mail';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/**
 * Replies that do not quote our thread still stop the sequence: by the sender's address, then
 * by a colleague at the same company domain; and a campaign may stop a whole company on a reply.
 */
describe('reply matching beyond the thread', () => {
  let stack: RelanceStack;
  const rep = imapUser(2);
  const imapSettings = () => ({ host: testEnv().imap.host, port: testEnv().imap.port, secure: false, username: rep.user, password: rep.password });

  before(async () => {
    // A long poll: IMAP IDLE sees the replies.
    stack = await startRelanceStack({ env: { MAILBOX_SYNC_INTERVAL: '30s' } });
  });

  after(async () => {
    await stack?.stop();
  });

  async function launch(api: ApiClient, prospects: { email: string; company?: string }[], options: object = {}) {
    const mailboxId = await stack.connectMailbox(api, 2, { minSpacingSeconds: 0 });
    const ids: Record<string, string> = {};
    for (const p of prospects) ids[p.email] = (await api.post('/v1/prospects', p)).body.id;
    const campaign = await api.post('/v1/campaigns', {
      name: 'Matching', mailboxId, ...options,
      steps: [{ type: 'email', subject: 'Hello', body: 'First' }, { type: 'wait', amount: 30, unit: 'seconds' }, { type: 'email', body: 'Second' }],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    for (const p of prospects) await stack.smtp.waitFor((m) => m.envelope.to.includes(p.email), 20_000);
    const byProspect = async () => {
      const list = (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data as { prospectId: string; status: string; stopReason: string | null }[];
      return Object.fromEntries(prospects.map((p) => [p.email, list.find((e) => e.prospectId === ids[p.email])!]));
    };
    return { byProspect, ids };
  }

  /** A fresh message, in no thread of ours, from `from`. */
  const freshMail = (from: string) => appendMessage(imapSettings(), 'INBOX', rawMail({ from, to: rep.user, subject: 'About your product', text: 'Tell me more' }), { network: LOOPBACK_MAIL });

  it('matches by the sender address, then by a colleague at the same company domain', async () => {
    const { api } = await stack.newAccount('Matching');
    const { byProspect, ids } = await launch(api, [{ email: 'dana@initech.test' }, { email: 'eli@globex.test' }, { email: 'fay@gmail.com' }]);
    await freshMail('Dana <Dana@Initech.test>');
    await freshMail('Assistant <assistant@globex.test>');
    // A stranger at a public mail provider is nobody's colleague.
    await freshMail('Someone <someone.else@gmail.com>');
    const settled = await eventually('replies matched', async () => {
      const state = await byProspect();
      return state['dana@initech.test'].status === 'replied' && state['eli@globex.test'].status === 'replied' ? state : undefined;
    }, 20_000);
    assert.equal(settled['dana@initech.test'].stopReason, 'replied');
    assert.equal(settled['eli@globex.test'].stopReason, 'secondary_reply');
    assert.equal(settled['fay@gmail.com'].status, 'active');
    const dana = (await api.get(`/v1/prospects/${ids['dana@initech.test']}`)).body;
    const eli = (await api.get(`/v1/prospects/${ids['eli@globex.test']}`)).body;
    assert.equal(dana.status, 'replied');
    assert.equal(eli.status, 'active', 'a colleague answered, not the prospect');
  });

  it('stops every colleague of a replier when the campaign asks for it', async () => {
    const { api } = await stack.newAccount('Company stop');
    const people = [
      { email: 'gus@umbrella.test', company: 'Umbrella' },
      { email: 'hal@umbrella-corp.test', company: ' umbrella ' },
      { email: 'ivy@other.test', company: 'Other' },
    ];
    const { byProspect } = await launch(api, people, { stopOnCompanyReply: true });
    await freshMail('Gus <gus@umbrella.test>');
    const settled = await eventually('company stopped', async () => {
      const state = await byProspect();
      return state['hal@umbrella-corp.test'].status === 'stopped' ? state : undefined;
    }, 20_000);
    assert.equal(settled['gus@umbrella.test'].status, 'replied');
    assert.equal(settled['hal@umbrella-corp.test'].stopReason, 'company_replied');
    assert.equal(settled['ivy@other.test'].status, 'active');
  });
});
