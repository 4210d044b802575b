import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localPart, patternCandidates } from './email-patterns';

describe('pattern candidates', () => {
  it('lists the usual shapes, most likely first, with their confidence', () => {
    const candidates = patternCandidates('Ada', 'Lovelace', 'engines.example');
    assert.deepEqual(candidates.slice(0, 3).map((c) => c.email), [
      'ada.lovelace@engines.example', 'alovelace@engines.example', 'ada@engines.example',
    ]);
    assert.equal(candidates[0].pattern, '{first}.{last}');
    const confidences = candidates.map((c) => c.confidence);
    assert.deepEqual(confidences, [...confidences].sort((a, b) => b - a), 'ordered by confidence');
    assert.equal(new Set(candidates.map((c) => c.email)).size, candidates.length, 'no address twice');
  });

  it('folds accents and drops spaces and punctuation from names', () => {
    assert.equal(localPart('Éloïse'), 'eloise');
    assert.equal(localPart("Du Pont-D'Arc"), 'dupont-darc');
    assert.equal(patternCandidates('Éloïse', 'Du Pont', 'acme.test')[0].email, 'eloise.dupont@acme.test');
  });

  it('gives nothing for a name that folds to nothing', () => {
    assert.deepEqual(patternCandidates('李', 'Lovelace', 'acme.test'), []);
  });
});
