import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toFieldProblems } from './validation-problems';

describe('toFieldProblems', () => {
  it('names every nested field by its full path', () => {
    const problems = toFieldProblems([
      { property: 'name', constraints: { isString: 'name must be a string' }, children: [] },
      {
        property: 'steps',
        children: [
          {
            property: '0',
            children: [
              { property: 'subject', constraints: { isString: 'subject must be a string' } },
              { property: 'foo', constraints: { whitelistValidation: 'property foo should not exist' } },
            ],
          },
        ],
      },
    ]);
    assert.deepEqual(problems, [
      { field: 'name', message: 'name must be a string' },
      { field: 'steps.0.subject', message: 'steps.0.subject must be a string' },
      { field: 'steps.0.foo', message: 'property steps.0.foo should not exist' },
    ]);
  });
});

describe('toFieldProblems on a field failing several rules', () => {
  it('reports only the first rule written on the property (the last one class-validator ran)', () => {
    const problems = toFieldProblems([
      {
        property: 'name',
        constraints: {
          maxLength: 'name must be shorter than or equal to 200 characters',
          isNotEmpty: 'name should not be empty',
          isString: 'name must be a string',
        },
      },
      {
        property: 'imap',
        constraints: { nestedValidation: 'nested property imap must be either object or array', isObject: 'imap must be an object' },
      },
      { property: 'smtp', constraints: { nestedValidation: 'nested property smtp must be either object or array' } },
    ]);
    assert.deepEqual(problems, [
      { field: 'name', message: 'name must be a string' },
      { field: 'imap', message: 'imap must be an object' },
      { field: 'smtp', message: 'nested property smtp must be either object or array' },
    ]);
  });
});

describe('toFieldProblems on an object of unknown type', () => {
  it('reports the type only, not every property the unknown type cannot have', () => {
    const problems = toFieldProblems([
      {
        property: 'steps',
        children: [{
          property: '0',
          children: [
            { property: 'subject', constraints: { whitelistValidation: 'property subject should not exist' } },
            { property: 'type', constraints: { isIn: 'type must be one of the following values: email, wait' } },
          ],
        }],
      },
    ]);
    assert.deepEqual(problems, [{ field: 'steps.0.type', message: 'steps.0.type must be one of the following values: email, wait' }]);
  });
});

describe('toFieldProblems on a rule for every item of a nested list', () => {
  it('puts the full path after "each value in"', () => {
    const problems = toFieldProblems([
      {
        property: 'sendingWindow',
        children: [{ property: 'days', constraints: { isInt: 'each value in days must be an integer number' } }],
      },
    ]);
    assert.deepEqual(problems, [{ field: 'sendingWindow.days', message: 'each value in sendingWindow.days must be an integer number' }]);
  });
});
