import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkFields } from './field-checks';

const whole = {
  name: ' Brevo ', address: '7 rue de Madrid, 75008 Paris', processingScope: 'Email delivery',
  personalDataTypes: 'Email address', processingLocation: 'France', transferMechanism: 'N/A',
};

describe('checkFields (the console form of a registry entry)', () => {
  it('accepts a whole entry, trimmed', () => {
    const checked = checkFields(whole, true);
    assert.deepEqual(checked, { ok: true, fields: { ...whole, name: 'Brevo' } });
  });

  it('names every blank field of a new entry', () => {
    const checked = checkFields({ ...whole, address: '   ', transferMechanism: undefined }, true);
    assert.deepEqual(checked, {
      ok: false,
      problems: [
        { field: 'address', message: 'address must not be blank' },
        { field: 'transferMechanism', message: 'transferMechanism must not be blank' },
      ],
    });
  });

  it('leaves blank fields of an edit unchanged', () => {
    assert.deepEqual(checkFields({ name: '', processingLocation: 'Germany' }, false), { ok: true, fields: { processingLocation: 'Germany' } });
  });

  it('refuses line breaks, overlong values and non-text', () => {
    const checked = checkFields({ name: 'Evil\r\nBcc: x@y.test', address: 'a'.repeat(501), processingScope: 42 }, false);
    assert.equal(checked.ok, false);
    assert.deepEqual(!checked.ok && checked.problems.map((p) => p.message), [
      'name must be a single line (no line breaks or control characters)',
      'address must be at most 500 characters',
      'processingScope must be text',
    ]);
  });
});
