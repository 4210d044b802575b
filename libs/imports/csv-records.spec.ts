import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectDelimiter, isBlankRecord } from './csv-records';
import { looksBinary } from './text-encoding';

describe('detectDelimiter', () => {
  it('picks the delimiter the first line uses most, outside quotes', () => {
    assert.equal(detectDelimiter('email,name\na,b'), ',');
    assert.equal(detectDelimiter('Courriel;Prénom;Société\n'), ';');
    assert.equal(detectDelimiter('email\tname\tcompany'), '\t');
    assert.equal(detectDelimiter('email|name'), '|');
    assert.equal(detectDelimiter('"a;b;c",email,name\n'), ',');
    assert.equal(detectDelimiter('email\r\nx;y;z;w'), ',', 'only the first line counts; a comma when none');
  });
});

describe('isBlankRecord', () => {
  it('treats rows of empty cells as blank lines', () => {
    assert.equal(isBlankRecord(['', ' ', '']), true);
    assert.equal(isBlankRecord(['', 'x']), false);
  });
});

describe('looksBinary', () => {
  it('tells binary data from text with a few control characters', () => {
    assert.equal(looksBinary('email,name\nada@example.com,Ada\n'), false);
    assert.equal(looksBinary(`email,name\nada@example.com,A\u0000da\n${'x,y\n'.repeat(10)}`), false);
    assert.equal(looksBinary('\u0000e\u0000m\u0000a\u0000i\u0000l'), true);
    assert.equal(looksBinary('PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000'), true);
  });
});
