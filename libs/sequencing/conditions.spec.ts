import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conditionHolds } from './conditions';

describe('conditionHolds', () => {
  const nothing = { opened: false, clicked: false, replied: false };

  it('reads each kind from its own fact', () => {
    assert.equal(conditionHolds('opened', { ...nothing, opened: true }), true);
    assert.equal(conditionHolds('opened', { ...nothing, clicked: true, replied: true }), false);
    assert.equal(conditionHolds('clicked', { ...nothing, clicked: true }), true);
    assert.equal(conditionHolds('clicked', { ...nothing, opened: true }), false);
    assert.equal(conditionHolds('replied', { ...nothing, replied: true }), true);
    assert.equal(conditionHolds('replied', nothing), false);
  });

  it('not_replied holds exactly when replied does not', () => {
    assert.equal(conditionHolds('not_replied', nothing), true);
    assert.equal(conditionHolds('not_replied', { opened: true, clicked: true, replied: true }), false);
  });
});
