import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayOpenPath, mayUseResource, targetOf } from './role-access';

describe('console role access', () => {
  it('finds the resource or page a path names, screens and API alike', () => {
    assert.deepEqual(targetOf('/resources/staff_users/actions/list'), { kind: 'resource', name: 'staff_users' });
    assert.deepEqual(targetOf('/api/resources/staff_users/records/1/show'), { kind: 'resource', name: 'staff_users' });
    assert.deepEqual(targetOf('/pages/operations'), { kind: 'page', name: 'operations' });
    assert.deepEqual(targetOf('/api/pages/operations'), { kind: 'page', name: 'operations' });
    assert.deepEqual(targetOf('/resources/staff%5Fusers'), { kind: 'resource', name: 'staff_users' });
    assert.equal(targetOf('/'), null);
    assert.equal(targetOf('/api/dashboard'), null);
    assert.equal(targetOf('/frontend/assets/app.bundle.js'), null);
  });

  it('support: privacy requests, prospects, accounts and the trail; not staff, not operations', () => {
    assert.ok(mayOpenPath('support', '/resources/privacy_requests'));
    assert.ok(mayOpenPath('support', '/api/resources/prospects/actions/list'));
    assert.ok(!mayOpenPath('support', '/resources/staff_users'));
    assert.ok(!mayOpenPath('support', '/api/resources/staff_users/actions/list'));
    assert.ok(!mayOpenPath('support', '/pages/operations'));
  });

  it('operator: operations and the trail; no personal data screens', () => {
    assert.ok(mayOpenPath('operator', '/pages/operations'));
    assert.ok(mayOpenPath('operator', '/resources/audit_events'));
    assert.ok(!mayOpenPath('operator', '/resources/prospects'));
    assert.ok(!mayOpenPath('operator', '/resources/privacy_requests'));
  });

  it('admin: everything; anything not in the table is admin-only', () => {
    for (const path of ['/resources/staff_users', '/pages/operations', '/resources/prospects', '/resources/unknown']) {
      assert.ok(mayOpenPath('admin', path), path);
    }
    assert.ok(!mayUseResource('support', 'unknown'));
    assert.ok(!mayOpenPath('operator', '/pages/unlisted'));
  });
});
