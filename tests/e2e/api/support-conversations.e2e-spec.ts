import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { issueApiKey } from '../../../apps/api/src/auth/bootstrap-account';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { newStaffMember } from '../../support/staff-fixtures';
import { type ApiResponse, TestAccount, TestApi } from '../../support/test-api';

/** Support conversations: customers write with a user's key, staff read (audited), reply (mailed) and attach. */
describe('support conversations (API)', () => {
  let api: TestApi;
  let mail: SmtpCapture;
  let account: TestAccount;
  let other: TestAccount;
  let support: { id: string; call: (method: string, path: string, body?: unknown) => Promise<ApiResponse> };
  let operatorToken: string;
  let memberKey: string;
  let memberId: string;
  let ownerEmail: string;

  before(async () => {
    mail = await startSmtpCapture();
    api = await TestApi.start((config) => ({ ...config, systemMail: { ...config.systemMail, smtpUrl: `smtp://${mail.host}:${mail.port}` } }));
    account = await api.newAccount('support');
    other = await api.newAccount('support-other');
    [{ email: ownerEmail }] = await api.dataSource.query(`SELECT email FROM users WHERE id = $1`, [account.userId]);
    [{ id: memberId }] = await api.dataSource.query(
      `INSERT INTO users (account_id, email, name, role) VALUES ($1, $2, 'Member', 'member') RETURNING id`,
      [account.accountId, `member-${randomUUID()}@support.test`]);
    memberKey = (await issueApiKey(api.dataSource, { accountId: account.accountId, userId: memberId, name: 'member' })).apiKey;
    const staff = await newStaffMember(api.dataSource, 'support');
    support = { id: staff.user.id, call: (method, path, body) => api.request(method, path, { key: staff.token, body }) };
    operatorToken = (await newStaffMember(api.dataSource, 'operator')).token;
  });
  after(async () => {
    await api?.close();
    await mail?.stop();
  });

  const asMember = (method: string, path: string, body?: unknown) => api.request(method, path, { key: memberKey, body });
  const audits = (action: string, id: string) => api.dataSource.query(
    `SELECT actor_kind, actor_id, account_id, reason, details FROM audit_events WHERE action = $1 AND target_id = $2 ORDER BY occurred_at`, [action, id]);

  it('refuses customers without a key (401), a key of no user (403), and names the bad field (400)', async () => {
    assert.equal((await api.request('POST', '/v1/support/conversations', { body: { subject: 'x', body: 'y' } })).status, 401);
    const robot = await issueApiKey(api.dataSource, { accountId: account.accountId, userId: null, name: 'robot' });
    const refused = await api.request('POST', '/v1/support/conversations', { key: robot.apiKey, body: { subject: 'Hi', body: 'Help' } });
    assert.equal(refused.status, 403, refused.text);
    for (const [body, field] of [
      [{ body: 'no subject' }, 'subject'], [{ subject: 'Two\nlines', body: 'x' }, 'subject'],
      [{ subject: 'Blank body', body: '  ' }, 'body'], [{ subject: 'x'.repeat(201), body: 'x' }, 'subject'],
    ] as const) {
      const res = await account.call('POST', '/v1/support/conversations', body);
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.field, field, res.text);
    }
    assert.equal((await account.call('GET', '/v1/support/conversations/not-an-id')).status, 400);
    assert.equal((await account.call('GET', '/v1/support/conversations?limit=0')).body.error.field, 'limit');
  });

  it('a customer opens, lists, reads and replies; another account sees nothing of it', async () => {
    const opened = await asMember('POST', '/v1/support/conversations', { subject: 'Import failed', body: 'My CSV import stopped at row 12.' });
    assert.equal(opened.status, 201, opened.text);
    assert.equal(opened.body.accountId, account.accountId);
    assert.deepEqual(opened.body.messages.map((m: any) => [m.author, m.body]), [[{ kind: 'customer', userId: memberId }, 'My CSV import stopped at row 12.']]);
    const id = opened.body.id;
    const reply = await account.call('POST', `/v1/support/conversations/${id}/messages`, { body: 'Same for me.' });
    assert.equal(reply.status, 201, reply.text);
    const list = await account.call('GET', '/v1/support/conversations');
    assert.equal(list.status, 200);
    const listed = list.body.data.find((c: any) => c.id === id);
    const firstPage = await account.call('GET', '/v1/support/conversations?limit=1');
    const nextPage = await account.call('GET', `/v1/support/conversations?limit=1&after=${firstPage.body.data[0].id}`);
    assert.equal(nextPage.status, 200, nextPage.text);
    assert.ok(!nextPage.body.data.some((c: any) => c.id === firstPage.body.data[0].id), 'the next page starts after the cursor');
    assert.equal((await other.call('GET', `/v1/support/conversations?after=${id}`)).body.error.field, 'after');
    assert.equal(listed.messageCount, 2);
    assert.equal(listed.body, undefined, 'lists carry no bodies');
    const read = await asMember('GET', `/v1/support/conversations/${id}`);
    assert.deepEqual(read.body.messages.map((m: any) => m.body), ['My CSV import stopped at row 12.', 'Same for me.']);
    assert.equal((await other.call('GET', `/v1/support/conversations/${id}`)).status, 404);
    assert.equal((await other.call('POST', `/v1/support/conversations/${id}/messages`, { body: 'me too' })).status, 404);
    assert.ok(!(await other.call('GET', '/v1/support/conversations')).body.data.some((c: any) => c.id === id));
  });

  it('staff routes: 401 without a staff token, 403 to operators, 400 for bad filters', async () => {
    assert.equal((await account.call('GET', '/v1/staff/support-conversations')).status, 401);
    for (const path of ['/v1/staff/support-conversations', `/v1/staff/support-conversations/${randomUUID()}`]) {
      assert.equal((await api.request('GET', path, { key: operatorToken })).status, 403, path);
    }
    assert.equal((await api.request('POST', `/v1/staff/support-conversations/${randomUUID()}/messages`, { key: operatorToken, body: { body: 'x' } })).status, 403);
    assert.equal((await support.call('GET', '/v1/staff/support-conversations?attached=maybe')).body.error.field, 'attached');
    assert.equal((await support.call('GET', '/v1/staff/support-conversations?accountId=nope')).body.error.field, 'accountId');
    assert.equal((await support.call('GET', `/v1/staff/support-conversations/${randomUUID()}`)).status, 404);
  });

  it('support reads (audited) and replies: the owner and the customer who wrote are mailed, the body stays out of the trail', async () => {
    const opened = await asMember('POST', '/v1/support/conversations', { subject: 'Billing question', body: 'Why two invoices?' });
    const id = opened.body.id;
    const listed = await support.call('GET', `/v1/staff/support-conversations?accountId=${account.accountId}&attached=true`);
    assert.ok(listed.body.data.some((c: any) => c.id === id), listed.text);
    const read = await support.call('GET', `/v1/staff/support-conversations/${id}`);
    assert.equal(read.status, 200, read.text);
    assert.equal(read.body.subject, 'Billing question');
    assert.deepEqual((await audits('support_conversation.read', id)).map((row: any) => [row.actor_kind, row.actor_id, row.account_id]),
      [['staff', support.id, account.accountId]]);

    const text = 'One invoice was a duplicate: we voided it.';
    const replied = await support.call('POST', `/v1/staff/support-conversations/${id}/messages`, { body: text });
    assert.equal(replied.status, 201, replied.text);
    assert.deepEqual([replied.body.mailed, replied.body.notMailed], [2, 0]);
    const [member] = await api.dataSource.query(`SELECT email FROM users WHERE id = $1`, [memberId]);
    for (const to of [ownerEmail, member.email]) {
      const got = await mail.waitFor((m) => m.envelope.to.includes(to) && m.subject === 'Re: Billing question');
      assert.ok(got.text?.includes(text), got.text);
    }
    const [audit] = await audits('support_conversation.replied', id);
    assert.equal(audit.actor_id, support.id);
    assert.equal(audit.details.mailed, 2);
    assert.ok(!JSON.stringify(audit).includes('duplicate'), 'no message body in the audit trail');
    const seen = await asMember('GET', `/v1/support/conversations/${id}`);
    assert.deepEqual(seen.body.messages.at(-1).author, { kind: 'support' }, 'customers are not told which staff member');
    assert.equal((await support.call('POST', `/v1/staff/support-conversations/${id}/messages`, { body: '' })).body.error.field, 'body');
  });

  it('support opens a conversation from an e-mail, answers the address, then attaches it to the account', async () => {
    const noWhere = await support.call('POST', '/v1/staff/support-conversations', { subject: 'From mail', body: 'Hello' });
    assert.equal(noWhere.status, 400);
    assert.equal(noWhere.body.error.field, 'contactEmail');
    const badAddress = await support.call('POST', '/v1/staff/support-conversations', { subject: 'x', body: 'y', contactEmail: 'not an address' });
    assert.equal(badAddress.body.error.field, 'contactEmail');
    const unknownAccount = await support.call('POST', '/v1/staff/support-conversations', { subject: 'x', body: 'y', accountId: randomUUID() });
    assert.equal(unknownAccount.status, 404, unknownAccount.text);

    const contact = `writer-${randomUUID()}@elsewhere.test`;
    const opened = await support.call('POST', '/v1/staff/support-conversations',
      { subject: 'Cannot log in', body: 'Forwarded: I cannot log in.', contactEmail: contact });
    assert.equal(opened.status, 201, opened.text);
    assert.equal(opened.body.accountId, null);
    const id = opened.body.id;
    assert.equal((await audits('support_conversation.opened', id)).length, 1);
    const unattached = await support.call('GET', '/v1/staff/support-conversations?attached=false');
    assert.ok(unattached.body.data.some((c: any) => c.id === id));
    assert.equal((await support.call('POST', `/v1/staff/support-conversations/${id}/messages`, { body: 'Which account?' })).body.mailed, 1);
    await mail.waitFor((m) => m.envelope.to.includes(contact) && m.text?.includes('Which account?') === true);

    assert.equal((await support.call('POST', `/v1/staff/support-conversations/${id}/attach`, { accountId: 'nope' })).body.error.field, 'accountId');
    assert.equal((await support.call('POST', `/v1/staff/support-conversations/${id}/attach`, { accountId: randomUUID() })).status, 404);
    assert.equal((await api.request('POST', `/v1/staff/support-conversations/${id}/attach`,
      { key: operatorToken, body: { accountId: account.accountId } })).status, 403);
    assert.equal((await account.call('GET', `/v1/support/conversations/${id}`)).status, 404, 'not the account\'s yet');

    const attached = await support.call('POST', `/v1/staff/support-conversations/${id}/attach`, { accountId: account.accountId, reason: 'Same domain' });
    assert.equal(attached.status, 200, attached.text);
    assert.equal(attached.body.accountId, account.accountId);
    const [audit] = await audits('support_conversation.attached', id);
    assert.deepEqual([audit.actor_id, audit.account_id, audit.reason, audit.details], [support.id, account.accountId, 'Same domain', { previousAccountId: null }]);
    assert.equal((await account.call('GET', `/v1/support/conversations/${id}`)).status, 200, 'the account reads it now');
    const replied = await support.call('POST', `/v1/staff/support-conversations/${id}/messages`, { body: 'Attached to your account.' });
    assert.equal(replied.body.mailed, 1, 'the owner now, no longer the contact address');
    await mail.waitFor((m) => m.envelope.to.includes(ownerEmail) && m.text?.includes('Attached to your account.') === true);
  });
});
