import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { candidateMessageIds } from './reply-matching';

describe('candidateMessageIds', () => {
  it('puts In-Reply-To first, then References newest to oldest', () => {
    const ids = candidateMessageIds({ inReplyTo: ['<c@x.io>'], references: ['<a@x.io>', '<b@x.io>', '<c@x.io>'] });
    assert.deepEqual(ids, ['<c@x.io>', '<b@x.io>', '<a@x.io>']);
  });

  it('uses References alone when In-Reply-To is missing', () => {
    assert.deepEqual(candidateMessageIds({ inReplyTo: [], references: ['<a@x.io>', '<b@x.io>'] }), ['<b@x.io>', '<a@x.io>']);
  });

  it('normalizes and removes duplicates', () => {
    const ids = candidateMessageIds({ inReplyTo: [' b@X.IO '], references: ['<a@x.io>', '<b@x.io>', '<A@x.io>'] });
    assert.deepEqual(ids, ['<b@x.io>', '<A@x.io>', '<a@x.io>']);
  });

  it('drops garbage', () => {
    assert.deepEqual(candidateMessageIds({ inReplyTo: ['', 'nonsense'], references: ['<>', '<ok@x.io>'] }), ['<ok@x.io>']);
  });

  it('returns nothing for a mail that answers nothing', () => {
    assert.deepEqual(candidateMessageIds({ inReplyTo: [], references: [] }), []);
  });

  it('does not change its input', () => {
    const references = ['<a@x.io>', '<b@x.io>'];
    candidateMessageIds({ inReplyTo: [], references });
    assert.deepEqual(references, ['<a@x.io>', '<b@x.io>']);
  });
});
