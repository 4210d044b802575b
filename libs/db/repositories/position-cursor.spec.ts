import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePosition, encodePosition } from './position-cursor';

describe('position cursor', () => {
  const position = { micros: '1764316000123456', id: '0b9f6c1e-2f64-4b8e-9a53-6f0f5b1c2d3e' };

  it('reads back what it wrote, as URL-safe text that does not show the id', () => {
    const cursor = encodePosition(position);
    assert.match(cursor, /^[A-Za-z0-9_-]+$/);
    assert.ok(!cursor.includes(position.id));
    assert.deepEqual(decodePosition(cursor), position);
  });

  it('keeps positions before the epoch', () => {
    const early = { ...position, micros: '-86400000000' };
    assert.deepEqual(decodePosition(encodePosition(early)), early);
  });

  const bad: [string, string][] = [
    ['an empty cursor', ''],
    ['a bare prospect id', position.id],
    ['characters outside base64url', 'abc+/='],
    ['a truncated cursor', encodePosition(position).slice(0, 20)],
    ['another prefix', Buffer.from(`p2.${position.micros}.${position.id}`).toString('base64url')],
    ['a non-numeric time', Buffer.from(`p1.soon.${position.id}`).toString('base64url')],
    ['a fractional time', Buffer.from(`p1.1.5.${position.id}`).toString('base64url')],
    ['an upper-case id', Buffer.from(`p1.${position.micros}.${position.id.toUpperCase()}`).toString('base64url')],
    ['an id with SQL in it', Buffer.from(`p1.1.'; DROP TABLE prospects; --`).toString('base64url')],
    ['a time too long for a bigint', Buffer.from(`p1.${'9'.repeat(20)}.${position.id}`).toString('base64url')],
    ['a huge cursor', 'A'.repeat(201)],
  ];
  for (const [label, cursor] of bad) {
    it(`refuses ${label}`, () => {
      assert.equal(decodePosition(cursor), null);
    });
  }
});
