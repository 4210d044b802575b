import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SendTurns } from './send-turns';

describe('SendTurns', () => {
  it('gives turns at once up to its capacity', async () => {
    const turns = new SendTurns(2);
    assert.ok(await turns.take(10));
    assert.ok(await turns.take(10));
    assert.equal(turns.waiting, 0);
  });

  it('lets the others wait in arrival order until a turn is released', async () => {
    const turns = new SendTurns(1);
    const first = (await turns.take(1_000))!;
    const order: string[] = [];
    const second = turns.take(1_000).then((release) => (order.push('second'), release));
    const third = turns.take(1_000).then((release) => (order.push('third'), release));
    assert.equal(turns.waiting, 2);
    first();
    (await second)!();
    (await third)!();
    assert.deepEqual(order, ['second', 'third']);
    assert.equal(turns.waiting, 0);
  });

  it('gives up on a message whose turn does not come within its budget, and forgets it', async () => {
    const turns = new SendTurns(1);
    const busy = (await turns.take(10))!;
    const started = Date.now();
    assert.equal(await turns.take(50), null);
    assert.ok(Date.now() - started >= 45);
    assert.equal(turns.waiting, 0);
    busy();
    assert.ok(await turns.take(10), 'the turn it would have had is free again');
  });

  it('counts a release once, however often it is called', async () => {
    const turns = new SendTurns(1);
    const release = (await turns.take(10))!;
    release();
    release();
    const next = (await turns.take(10))!;
    assert.equal(await turns.take(20), null, 'a second release must not free a second turn');
    next();
  });

  it('refuses a capacity below one', () => {
    assert.throws(() => new SendTurns(0), /at least 1/);
  });
});
