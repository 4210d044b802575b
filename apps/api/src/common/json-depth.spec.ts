import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { depthProblem, jsonDepthExcess, valueDepthExcess } from './json-depth';
import { fourfoldGrowth } from '../../../../tests/support/growth';

const nestedObjects = (levels: number, inner = '1') => '{"a":'.repeat(levels) + inner + '}'.repeat(levels);

describe('jsonDepthExcess', () => {
  it('accepts a text nested exactly to the limit and names the path of the first value past it', () => {
    assert.equal(jsonDepthExcess(nestedObjects(5), 5), null);
    assert.deepEqual(jsonDepthExcess(nestedObjects(6), 5), ['a', 'a', 'a', 'a', 'a']);
    assert.equal(jsonDepthExcess('[[[]]]', 3), null);
    assert.deepEqual(jsonDepthExcess('[[[[]]]]', 3), ['0', '0', '0']);
  });

  it('counts array positions and follows keys across siblings', () => {
    const text = '{"name":"x","steps":[{"type":"email"},{"variants":[[[]]],"after":{}}]}';
    assert.deepEqual(jsonDepthExcess(text, 4), ['steps', '1', 'variants', '0']);
    assert.deepEqual(jsonDepthExcess(text, 5), ['steps', '1', 'variants', '0', '0']);
    assert.equal(jsonDepthExcess(text, 6), null);
    assert.deepEqual(jsonDepthExcess('{"a":[1,[2,{"b":{}}]]}', 4), ['a', '1', '1', 'b']);
  });

  it('ignores brackets, quotes and colons inside strings', () => {
    const text = JSON.stringify({ a: '{{{[[[', 'b"{': { c: 'x\\"]]:,' }, d: ['[', '{'] });
    assert.equal(jsonDepthExcess(text, 2), null);
    assert.deepEqual(jsonDepthExcess(JSON.stringify({ 'b"{': { c: {} } }), 2), ['b"{', 'c']);
  });

  it('reads escaped keys as the parser will, and cuts long ones', () => {
    assert.deepEqual(jsonDepthExcess('{"\\u0061b":{"x":{}}}', 2), ['ab', 'x']);
    const long = 'k'.repeat(500);
    assert.deepEqual(jsonDepthExcess(JSON.stringify({ [long]: { x: {} } }), 2), [`${'k'.repeat(40)}…`, 'x']);
  });

  it('stops at the limit: a megabyte of opening brackets is never read past it', () => {
    assert.equal(jsonDepthExcess('['.repeat(1_000_000), 32)?.length, 32);
    assert.equal(jsonDepthExcess(nestedObjects(200_000), 32)?.length, 32);
  });

  it('scans a body in time linear in its size (a 5 MB one included)', () => {
    const body = (n: number) => JSON.stringify({ note: 'x'.repeat(n * 10), list: Array.from({ length: n }, (_, i) => [i, { k: 'v' }]) });
    assert.equal(jsonDepthExcess(body(250_000), 4), null);
    const bodies = new Map([62_500, 250_000].map((n) => [n, body(n)]));
    const growth = fourfoldGrowth((n) => jsonDepthExcess(bodies.get(n)!, 4), 62_500);
    assert.ok(growth < 8, `a body four times bigger took ${growth.toFixed(1)} times as long (linear: about 4)`);
  });

  it('names the first value past the limit in document order', () => {
    assert.deepEqual(jsonDepthExcess('{"x":{"y":{}},"z":{"w":{}}}', 2), ['x', 'y']);
    assert.deepEqual(valueDepthExcess({ x: { y: {} }, z: { w: {} } }, 2), ['x', 'y']);
  });

  it('leaves scalars and flat documents alone', () => {
    for (const text of ['1', '"[[["', 'null', '{}', '[]', '{"a":1,"b":[1,2,3]}']) assert.equal(jsonDepthExcess(text, 2), null, text);
  });
});

describe('valueDepthExcess', () => {
  it('agrees with the text scan on parsed values', () => {
    const samples = [
      nestedObjects(6),
      '{"name":"x","steps":[{"type":"email"},{"variants":[[[]]],"after":{}}]}',
      '{"a":[1,[2,{"b":{}}]]}',
      '[[[[]]]]',
      '{"q":["1","2"]}',
    ];
    for (const text of samples) {
      for (const max of [1, 2, 3, 4, 5, 6]) {
        assert.deepEqual(valueDepthExcess(JSON.parse(text), max), jsonDepthExcess(text, max), `${text} at ${max}`);
      }
    }
  });

  it('walks a value far deeper than the call stack would allow', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    assert.equal(valueDepthExcess(deep, 32)?.length, 32);
  });
});

describe('depthProblem', () => {
  it('names the limit and the dotted path, or the top', () => {
    assert.deepEqual(depthProblem('body', ['customFields', 'a', '0'], 3), {
      field: 'customFields.a.0',
      message: 'the body nests objects and arrays deeper than 3 levels, the most this API reads, at customFields.a.0',
    });
    assert.equal(depthProblem('query', [], 0).field, 'query');
  });
});
