import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invitationMail, readableDuration, signupMail } from './account-mails';

describe('account mails', () => {
  it('carry the token, the route to send it to and how long it works', () => {
    const input = { to: 'ada@example.com', accountName: 'Acme', token: 'tok123', apiUrl: 'https://api.example', validFor: '24 hours' };
    for (const [mail, route] of [[signupMail(input), '/v1/signups/verify'], [invitationMail(input), '/v1/invitations/accept']] as const) {
      assert.equal(mail.to, 'ada@example.com');
      assert.ok(mail.text.includes('"token": "tok123"'));
      assert.ok(mail.text.includes(`POST https://api.example${route}`));
      assert.ok(mail.text.includes('within 24 hours'));
      assert.match(mail.subject, /Relance/);
    }
  });

  it('spells validities in the largest whole unit', () => {
    assert.equal(readableDuration(86_400_000), '1 day');
    assert.equal(readableDuration(7 * 86_400_000), '7 days');
    assert.equal(readableDuration(36 * 3_600_000), '36 hours');
    assert.equal(readableDuration(30_000), '30 seconds');
    assert.equal(readableDuration(1_500), '2 seconds');
  });
});
