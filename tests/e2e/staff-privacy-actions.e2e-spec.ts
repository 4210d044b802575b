import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { accountClosureWorkflowId } from '@relance/temporal/contracts';
import { ApiClient } from '../support/api-client';
import { startRelanceStack, type RelanceStack } from '../support/relance-stack';
import { newStaffMember } from '../support/staff-fixtures';

/** Support forgets a prospect and cancels a pending closure, on the real stack (API, worker, Temporal). */
describe('staff forget and closure cancel (end to end)', () => {
  let stack: RelanceStack;
  let support: ApiClient;
  let operator: ApiClient;
  let supportId: string;

  before(async () => {
    stack = await startRelanceStack({ env: { ACCOUNT_CLOSURE_GRACE: '1h' } });
    const member = await newStaffMember(stack.dataSource, 'support');
    supportId = member.user.id;
    support = new ApiClient(stack.apiUrl, member.token);
    operator = new ApiClient(stack.apiUrl, (await newStaffMember(stack.dataSource, 'operator')).token);
  });
  after(() => stack?.stop());

  const auditRows = (action: string, targetId: string) => stack.dataSource.query(
    `SELECT actor_kind, actor_id, reason, account_id FROM audit_events WHERE action = $1 AND target_id = $2`, [action, targetId]);

  it('forgets a prospect of any account with the customer\'s erasure, the staff member and reason audited', async () => {
    const { accountId, api } = await stack.newAccount('Forgotten');
    const created = await api.post('/v1/prospects', { email: 'ada.byron@forgotten.test', firstName: 'Ada' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    const path = `/v1/staff/prospects/${id}/forget`;

    assert.equal((await new ApiClient(stack.apiUrl).post(path, { reason: 'asked by phone' })).status, 401);
    assert.equal((await api.post(path, { reason: 'a customer key' })).status, 401, 'a customer key is no staff token');
    const refused = await operator.post(path, { reason: 'not mine to do' });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    const noReason = await support.post(path, {});
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.field, 'reason');
    assert.equal((await support.post(path, { reason: '   ' })).body.error.field, 'reason', 'a blank reason is none');
    assert.equal((await support.post('/v1/staff/prospects/nope/forget', { reason: 'x' })).status, 400);
    assert.equal((await support.post(`/v1/staff/prospects/${randomUUID()}/forget`, { reason: 'x' })).status, 404);
    assert.equal((await api.get(`/v1/prospects/${id}`)).status, 200, 'refusals changed nothing');

    const forgotten = await support.post(path, { reason: 'Ticket 42: the prospect wrote to ada@forgotten.test' });
    assert.equal(forgotten.status, 200, JSON.stringify(forgotten.body));
    assert.equal(forgotten.body.counts.prospects, 1);
    assert.equal((await api.get(`/v1/prospects/${id}`)).status, 404);
    const again = await api.post('/v1/prospects', { email: 'ada.byron@forgotten.test' });
    assert.equal(again.body.error?.code, 'suppressed', 'blacklisted as by the customer\'s own forget');
    const [row] = await auditRows('prospect.erased', id);
    assert.equal(row.actor_kind, 'staff');
    assert.equal(row.actor_id, supportId);
    assert.equal(row.account_id, accountId);
    assert.ok(row.reason.startsWith('Ticket 42'), row.reason);
    assert.ok(!row.reason.includes('ada@forgotten.test'), 'an address in a reason is masked');
    assert.equal((await support.post(path, { reason: 'twice' })).status, 404, 'gone already');
  });

  it('cancels a pending closure with the owner\'s reactivation, the staff member and reason audited', async () => {
    const { accountId, api } = await stack.newAccount('Reconsidering');
    const path = `/v1/staff/account-closures/${accountId}/cancel`;
    const notClosing = await support.post(path, { reason: 'the owner changed their mind' });
    assert.equal(notClosing.status, 409, JSON.stringify(notClosing.body));

    assert.equal((await api.post('/v1/account/closure')).status, 202);
    assert.equal((await new ApiClient(stack.apiUrl).post(path, { reason: 'x' })).status, 401);
    assert.equal((await operator.post(path, { reason: 'x' })).status, 403);
    const noReason = await support.post(path, { reason: 42 });
    assert.equal(noReason.status, 400);
    assert.equal(noReason.body.error.field, 'reason');
    assert.equal((await support.post('/v1/staff/account-closures/nope/cancel', { reason: 'x' })).status, 400);
    assert.equal((await api.get('/v1/account/closure')).body.status, 'pending', 'refusals changed nothing');

    const cancelled = await support.post(path, { reason: 'The owner called: keep the account' });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.body));
    assert.equal(cancelled.body.status, 'cancelled');
    const result = await stack.temporal.client.workflow.getHandle(accountClosureWorkflowId(accountId)).result();
    assert.deepEqual(result, { outcome: 'cancelled' });
    assert.equal((await api.get('/v1/account/closure')).body.status, 'cancelled', 'the owner sees the reactivation');
    const [row] = await auditRows('account.closure_cancelled', accountId);
    assert.deepEqual(row, { actor_kind: 'staff', actor_id: supportId, reason: 'The owner called: keep the account', account_id: accountId });
    assert.equal((await support.post(path, { reason: 'again' })).status, 409, 'nothing left to cancel');
  });
});
