import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaughtEmail } from '@relance/devservices';
import { renderInboxPage, type InboxView } from './inbox-page';

const email: CaughtEmail = {
  id: '1772445600000-3b0f8a52-1c1e-4d8e-9a57-6f1f0f0d2a11',
  receivedAt: new Date('2026-03-02T09:30:00Z'),
  from: { address: 'rep@demo.relance.test', name: 'Demo Rep' },
  to: ['ada@prospect.example'],
  subject: 'Hello <script>alert(1)</script>',
  text: 'Hi Ada & co',
  messageId: '<relance.m1@demo.relance.test>',
  references: [],
};

const view: InboxView = {
  entries: [{
    email,
    thread: { prospectId: 'p1', campaignId: 'c1', enrollmentId: 'e1', status: 'active', pausedUntil: '2026-03-05T09:00:00.000Z' },
    canReply: true,
  }],
  inboxUrl: 'http://127.0.0.1:4100',
  apiUrl: 'http://127.0.0.1:3000',
  catcher: '127.0.0.1:2525',
  demoMailbox: 'rep@demo.relance.test',
  missing: undefined,
  notice: undefined,
};

describe('renderInboxPage', () => {
  it('shows each email with its campaign, enrollment status and reply forms, its text escaped', () => {
    const page = renderInboxPage(view);
    assert.ok(page.includes('Hello &lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!page.includes('<script>'));
    assert.ok(page.includes('Hi Ada &amp; co'));
    assert.match(page, /enrollment <code>e1<\/code>\s+is <b class="status">active<\/b>, no email before 2026-03-05T09:00:00\.000Z/);
    assert.match(page, new RegExp(`<form class="reply" method="post" action="/messages/${email.id}/reply">`));
    assert.match(page, /Reply as ada@prospect\.example/);
    assert.match(page, /Send an out-of-office reply as ada@prospect\.example/);
  });

  it('offers no reply form where the prospect cannot answer, and says why there is no demo mailbox', () => {
    const page = renderInboxPage({
      ...view,
      entries: [{ email, thread: undefined, canReply: false }],
      demoMailbox: undefined,
      missing: { reason: 'Dovecot is not installed', fix: ['sudo apt-get install -y dovecot-imapd dovecot-lmtpd'] },
    });
    assert.doesNotMatch(page, /<form/);
    assert.match(page, /No demo mailbox, so no replies: Dovecot is not installed/);
    assert.match(page, /sudo apt-get install -y dovecot-imapd dovecot-lmtpd/);
  });

  it('says what to do when nothing was caught yet', () => {
    assert.match(renderInboxPage({ ...view, entries: [] }), /Nothing caught yet/);
  });
});
