import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderUsersFile, withUserPassword } from './dovecot-config';

describe('withUserPassword', () => {
  const file = renderUsersFile([{ user: 'rep1@relance.test', password: 'one' }, { user: 'rep2@relance.test', password: 'two' }], '/tmp/x/mail');

  it("replaces a user's password and keeps every other line", () => {
    assert.equal(
      withUserPassword(file, { user: 'rep2@relance.test', password: 'changed' }),
      'rep1@relance.test:{PLAIN}one:8:8::/tmp/x/mail/rep1@relance.test::\n' +
        'rep2@relance.test:{PLAIN}changed:8:8::/tmp/x/mail/rep2@relance.test::\n',
    );
  });

  it('adds a user with a home beside the others', () => {
    assert.ok(
      withUserPassword(file, { user: 'new@relance.test', password: 'p' }).endsWith('new@relance.test:{PLAIN}p:8:8::/tmp/x/mail/new@relance.test::\n'),
    );
  });

  it('refuses a user name that would break the file', () => {
    assert.throws(() => withUserPassword(file, { user: 'a:b', password: 'p' }), /no ':'/);
  });
});
