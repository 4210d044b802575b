import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, neutraliseCell } from './csv-cells';

describe('CSV cells of an account export', () => {
  it('prefixes an apostrophe to text a spreadsheet would run as a formula', () => {
    for (const formula of ['=1+1', '+33 6 12', '-2+3', '@SUM(A1)', '\tTab', '\rReturn']) {
      assert.equal(neutraliseCell(formula), `'${formula}`, JSON.stringify(formula));
    }
  });

  it('leaves other text alone, formula characters inside it included', () => {
    for (const text of ['Ada', 'a=b', 'ada@example.test', '', ' =padded', "'quoted"]) assert.equal(neutraliseCell(text), text);
  });

  it('writes numbers, booleans and dates as they are, null as empty, objects as neutralised JSON', () => {
    assert.equal(csvCell(-5), '-5');
    assert.equal(csvCell(true), 'true');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(new Date('2026-01-02T03:04:05Z')), '2026-01-02T03:04:05.000Z');
    assert.equal(csvCell({ a: 1 }), '{"a":1}');
    assert.equal(csvCell(['-x']), '["-x"]');
    assert.equal(csvCell('-x'), "'-x");
  });
});
