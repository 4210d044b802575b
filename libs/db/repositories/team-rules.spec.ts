import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { removalProblem } from './team-rules';

describe('removing a user', () => {
  const owner = { id: 'o1', role: 'owner' as const };
  const member = { id: 'm1', role: 'member' as const };

  it('is allowed for a member, and for an owner while another owner stays', () => {
    assert.equal(removalProblem([owner, member], 'm1'), null);
    assert.equal(removalProblem([owner, { id: 'o2', role: 'owner' }], 'o1'), null);
  });

  it('is refused for the last owner, even with members left', () => {
    assert.equal(removalProblem([owner, member], 'o1'), 'last_owner');
    assert.equal(removalProblem([owner], 'o1'), 'last_owner');
  });

  it('finds nobody outside the account', () => {
    assert.equal(removalProblem([owner, member], 'x'), 'not_found');
  });
});
