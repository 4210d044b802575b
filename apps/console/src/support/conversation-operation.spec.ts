import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { conversationOperation } from './conversation-operation';

describe('conversationOperation', () => {
  it('accepts a reply and an attachment', () => {
    assert.deepEqual(conversationOperation({ op: 'reply', body: 'Done.' }), { ok: true, op: 'reply', body: 'Done.' });
    const id = '0b7f1d2e-6c1a-4d7e-9a43-2f1c5e9b8a10';
    assert.deepEqual(conversationOperation({ op: 'attach', accountId: ` ${id} `, reason: ' ' }), { ok: true, op: 'attach', accountId: id, reason: null });
  });

  it('names the field of what is wrong', () => {
    assert.match((conversationOperation({ op: 'reply', body: '  ' }) as { message: string }).message, /^body:/);
    assert.match((conversationOperation({ op: 'attach', accountId: 'acme' }) as { message: string }).message, /^accountId:/);
    assert.match((conversationOperation({ op: 'drop' }) as { message: string }).message, /^op:/);
  });
});
