import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleCommand } from './console-command';

describe('consoleCommand', () => {
  it('asks for a reason, saying what it is for', () => {
    assert.deepEqual(consoleCommand({ operation: 'reject', reason: '  ' }), {
      problems: [{ field: 'reason', message: 'A reason is required: say why the request is rejected: the requester is mailed it.' }],
    });
    assert.match(JSON.stringify(consoleCommand({ operation: 'verify' })), /how you verified/);
  });

  it('trims a reason and refuses one too long', () => {
    assert.deepEqual(consoleCommand({ operation: 'extend', reason: ' backlog ' }), { command: { operation: 'extend', reason: 'backlog' } });
    assert.match(JSON.stringify(consoleCommand({ operation: 'extend', reason: 'x'.repeat(1001) })), /1001 characters long: at most 1000/);
  });

  it('keeps the rectification fields given and needs one', () => {
    assert.deepEqual(consoleCommand({ operation: 'rectify', first_name: 'Ada', last_name: '', other: 'x' }), {
      command: { operation: 'rectify', fields: { first_name: 'Ada' } },
    });
    assert.match(JSON.stringify(consoleCommand({ operation: 'rectify', company: ' ' })), /at least one field/);
  });

  it('names an unknown action', () => {
    assert.deepEqual(consoleCommand({ operation: 'drop' }), {
      problems: [{ field: 'operation', message: 'Unknown action "drop": verify, reject, extend or rectify.' }],
    });
  });
});
