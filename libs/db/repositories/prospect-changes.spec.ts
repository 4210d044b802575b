import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { changedProspectFields } from './prospect-changes';
import { containsPattern } from './prospect-list';

describe('changedProspectFields', () => {
  const before: Parameters<typeof changedProspectFields>[0] = {
    email: 'ada@example.com', firstName: 'Ada', lastName: null, position: null, company: 'Engines', country: 'GB',
    timeZone: 'Europe/London', customFields: { a: '1', b: '2' }, tags: ['vip', 'london'], restricted: false,
  };

  it('names the fields given a different value, in the registry order, whatever order they come in', () => {
    assert.deepEqual(changedProspectFields(before, { restricted: true, firstName: 'Augusta', lastName: 'King' }), ['firstName', 'lastName', 'restricted']);
  });

  it('ignores values equal to the stored ones: custom fields in any key order, the same text, false for false', () => {
    assert.deepEqual(changedProspectFields(before, { customFields: { b: '2', a: '1' }, firstName: 'Ada', restricted: false, lastName: null }), []);
  });

  it('counts clearing a field, and a reordering of tags (their order is the rep\'s)', () => {
    assert.deepEqual(changedProspectFields(before, { company: null, tags: ['london', 'vip'] }), ['company', 'tags']);
  });

  it('sees a changed custom field value and a removed key', () => {
    assert.deepEqual(changedProspectFields(before, { customFields: { a: '1' } }), ['customFields']);
    assert.deepEqual(changedProspectFields(before, { customFields: { a: '1', b: '3' } }), ['customFields']);
  });
});

describe('containsPattern', () => {
  it('escapes ILIKE wildcards and the escape character, so they match themselves', () => {
    assert.equal(containsPattern('ada'), '%ada%');
    assert.equal(containsPattern('100%_a\\b'), '%100\\%\\_a\\\\b%');
  });
});
