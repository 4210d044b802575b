import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptanceRefusal, splitName, type AcceptanceState } from './suggestion-acceptance';

describe('acceptanceRefusal', () => {
  const ok: AcceptanceState = { status: 'pending', suppressed: false, alreadyProspect: false, enroll: true, campaignStatus: 'active' };

  it('lets a pending suggestion go ahead into a campaign that sends, paused included', () => {
    assert.equal(acceptanceRefusal(ok), null);
    assert.equal(acceptanceRefusal({ ...ok, campaignStatus: 'paused' }), null);
  });

  it('refuses a decided suggestion first, then a suppressed address, then one already a prospect', () => {
    assert.equal(acceptanceRefusal({ ...ok, status: 'accepted', suppressed: true }), 'already_decided');
    assert.equal(acceptanceRefusal({ ...ok, status: 'dismissed' }), 'already_decided');
    assert.equal(acceptanceRefusal({ ...ok, suppressed: true, alreadyProspect: true }), 'suppressed');
    assert.equal(acceptanceRefusal({ ...ok, alreadyProspect: true }), 'already_prospect');
  });

  it('refuses to enroll in a stopped, completed or deleted campaign, but accepts without enrolling', () => {
    for (const campaignStatus of ['stopped', 'completed', null] as const) {
      assert.equal(acceptanceRefusal({ ...ok, campaignStatus }), 'campaign_closed');
      assert.equal(acceptanceRefusal({ ...ok, campaignStatus, enroll: false }), null);
    }
  });
});

describe('splitName', () => {
  it('takes the first word as the first name and the rest as the last name', () => {
    assert.deepEqual(splitName('Paul Martin'), { firstName: 'Paul', lastName: 'Martin' });
    assert.deepEqual(splitName(' Anne  Marie Dupont '), { firstName: 'Anne', lastName: 'Marie Dupont' });
    assert.deepEqual(splitName('Paul'), { firstName: 'Paul', lastName: null });
    assert.deepEqual(splitName(null), { firstName: null, lastName: null });
  });
});
