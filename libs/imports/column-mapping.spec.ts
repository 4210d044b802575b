import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { customKeyFor, foldHeader, mappingProblem, suggestMapping } from './column-mapping';

const field = (name: string) => ({ kind: 'field', field: name });

describe('suggestMapping', () => {
  it('recognises English and French headers whatever their accents, case and spacing', () => {
    assert.deepEqual(
      suggestMapping(['E-mail', 'Prénom', 'NOM', 'Société', 'Poste', 'Pays', 'Fuseau  horaire']),
      [field('email'), field('firstName'), field('lastName'), field('company'), field('position'), field('country'), field('timeZone')],
    );
    assert.deepEqual(
      suggestMapping(['courriel', 'PRENOM', 'last_name', 'Entreprise', 'Job Title', 'time-zone']),
      [field('email'), field('firstName'), field('lastName'), field('company'), field('position'), field('timeZone')],
    );
  });

  it('makes other headers custom fields with template-safe, unique keys; empty headers are ignored', () => {
    assert.deepEqual(suggestMapping(['Email', 'Secteur d\'activité', '', '2024 CA', 'Email address', 'Notes', 'notes']), [
      field('email'), { kind: 'custom', key: 'secteur_d_activite' }, { kind: 'ignore' }, { kind: 'custom', key: '_2024_ca' },
      // A second column meaning email is not a second email: it is kept as a custom field.
      { kind: 'custom', key: 'email_address' }, { kind: 'custom', key: 'notes' }, { kind: 'custom', key: 'notes_2' },
    ]);
  });

  it('folds headers to compare them', () => {
    assert.equal(foldHeader(' Fuseau_Horaire '), 'fuseauhoraire');
    assert.equal(customKeyFor('!!!'), 'column');
  });
});

describe('mappingProblem', () => {
  it('accepts a mapping with an email column and one target per column', () => {
    assert.equal(mappingProblem([field('email'), { kind: 'ignore' }, { kind: 'custom', key: 'industry' }], 3), null);
  });

  it('names what is wrong with a mapping', () => {
    assert.equal(mappingProblem([field('email')], 2), 'the mapping has 1 entries but the file has 2 columns');
    assert.equal(mappingProblem([{ kind: 'ignore' }], 1), 'no column is mapped to email');
    assert.equal(mappingProblem([field('email'), field('email')], 2), 'column 2: field email is already mapped to another column');
    assert.equal(mappingProblem([field('email'), field('age')], 2), 'column 2: unknown field "age"');
    assert.equal(mappingProblem([field('email'), { kind: 'custom', key: '1x' }], 2),
      'column 2: custom key "1x" must start with a letter or _ and hold only letters, digits and _ (64 at most)');
    assert.equal(mappingProblem([field('email'), { kind: 'custom', key: 'a' }, { kind: 'custom', key: 'a' }], 3), 'column 3: custom key a is used twice');
    assert.equal(mappingProblem([field('email'), 'email'], 2), 'column 2: a target is an object with a kind');
    assert.equal(mappingProblem([field('email'), { kind: 'other' }], 2), 'column 2: a target is a field, a custom key or ignore');
    const many = [field('email'), ...Array.from({ length: 51 }, (_, i) => ({ kind: 'custom', key: `c${i}` }))];
    assert.equal(mappingProblem(many, 52), '51 columns are custom fields; a prospect has at most 50: ignore some');
  });
});
