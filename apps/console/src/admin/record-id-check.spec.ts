import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordIdIn } from './record-id-check';

describe('console record ids', () => {
  it('finds the record id of a screen or API path', () => {
    const id = '0b9c3c1e-6a53-4c63-9f0e-2f1d3a6b7c8d';
    assert.equal(recordIdIn(`/api/resources/privacy_requests/records/${id}/show`), id);
    assert.equal(recordIdIn(`/resources/staff_users/records/${id}/unlock`), id);
    assert.equal(recordIdIn('/api/resources/prospects/records/not%20a%20uuid/show'), 'not a uuid');
    assert.equal(recordIdIn('/api/resources/prospects/actions/list'), null);
    assert.equal(recordIdIn('/'), null);
  });
});
