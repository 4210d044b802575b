import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { subprocessorNotice } from './notice-mail';

describe('subprocessor notice mail', () => {
  it('names the entry, what changes, the date and how to object', () => {
    const mail = subprocessorNotice('owner@acme.test', {
      changeId: '5f0c2a4e-0000-4000-8000-000000000001',
      kind: 'updated',
      entry: {
        name: 'Stripe', address: '1 New Street, Dublin', processingScope: 'Payment services', personalDataTypes: 'Name',
        processingLocation: 'Ireland', transferMechanism: 'N/A',
      },
      changes: { address: { before: '510 Townsend Street', after: '1 New Street, Dublin' } },
      effectiveAt: new Date('2027-02-01T00:00:00Z'),
      replyTo: 'privacy@relance.test',
      listUrl: 'https://relance.test/subprocessors',
    });
    assert.equal(mail.to, 'owner@acme.test');
    assert.equal(mail.subject, 'Relance subprocessor change: Stripe will change on 2027-02-01');
    assert.match(mail.text, /Address: 510 Townsend Street -> 1 New Street, Dublin/);
    assert.match(mail.text, /takes effect on 2027-02-01T00:00:00.000Z/);
    assert.match(mail.text, /object to this change before 2027-02-01T00:00:00.000Z/);
    assert.match(mail.text, /privacy@relance\.test/);
    assert.match(mail.text, /reference 5f0c2a4e-0000-4000-8000-000000000001/);
  });
});
