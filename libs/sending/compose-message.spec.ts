import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SendContext } from '@relance/db/repositories/outbox.repository';
import { composeMessage } from './compose-message';
import { TemplateRenderError } from '@relance/templates';

type Overrides = {
  prospect?: Partial<SendContext['prospect']>;
  step?: Partial<SendContext['step']>;
  mailbox?: Partial<SendContext['mailbox']>;
  threadRoot?: SendContext['threadRoot'];
  enrollmentId?: string;
};

function context(overrides: Overrides = {}): SendContext {
  return {
    enrollmentId: overrides.enrollmentId ?? 'enr-1',
    accountId: 'acc-1',
    campaignId: 'cmp-1',
    mailbox: { id: 'mbx-1', email: 'sam@Relance.Test', displayName: 'Sam Rep', ...overrides.mailbox },
    prospect: {
      email: 'ada@analytical.engine',
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: 'Analytical Engines',
      position: null,
      country: null,
      customFields: {},
      ...overrides.prospect,
    },
    step: {
      id: 'stp-1',
      position: 0,
      subject: 'Quick question, {{ firstName }}',
      body: 'Hi {{ firstName | default: "there" }},\nhow is {{ company }}?\n{{ sender.name }}',
      newThread: false,
      variants: null,
      ...overrides.step,
    },
    threadRoot: overrides.threadRoot === undefined ? null : overrides.threadRoot,
    tracking: { enabled: true, domain: null },
  };
}

const ROOT = {
  messageIdHeader: '<relance.root-1@relance.test>',
  subject: 'Quick question, Ada',
  references: [] as string[],
};

const followUp = (overrides: Overrides = {}) =>
  context({ threadRoot: ROOT, ...overrides, step: { id: 'stp-2', position: 2, subject: null, body: 'Bumping this.', ...overrides.step } });

describe('composeMessage', () => {
  it('opens a new thread for the first step, with the subject and body rendered', () => {
    const message = composeMessage(context());
    assert.equal(message.inReplyTo, null);
    assert.deepEqual(message.references, []);
    assert.equal(message.subject, 'Quick question, Ada');
    assert.equal(message.bodyText, 'Hi Ada,\nhow is Analytical Engines?\nSam Rep');
    assert.equal(message.fromAddress, 'sam@Relance.Test');
    assert.equal(message.toAddress, 'ada@analytical.engine');
  });

  it('uses template fallbacks for empty prospect fields', () => {
    assert.match(composeMessage(context({ prospect: { firstName: null } })).bodyText, /^Hi there,/);
  });

  it('derives the Message-ID from its own id and the sender domain', () => {
    const message = composeMessage(context());
    assert.match(message.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(message.messageIdHeader, `<relance.${message.id}@relance.test>`);
  });

  it('gives every composed message its own id', () => {
    const [a, b] = [composeMessage(context()), composeMessage(context())];
    assert.notEqual(a.id, b.id);
    assert.notEqual(a.messageIdHeader, b.messageIdHeader);
  });

  it('answers the thread root in a follow-up without a subject', () => {
    const message = composeMessage(followUp());
    assert.equal(message.inReplyTo, ROOT.messageIdHeader);
    assert.deepEqual(message.references, [ROOT.messageIdHeader]);
    assert.equal(message.subject, 'Re: Quick question, Ada');
    assert.equal(message.bodyText, 'Bumping this.');
    assert.notEqual(message.messageIdHeader, ROOT.messageIdHeader);
  });

  it('appends the root to the references the root already carried', () => {
    const root = { ...ROOT, references: ['<first@elsewhere.test>', '<second@elsewhere.test>'] };
    const message = composeMessage(followUp({ threadRoot: root }));
    assert.deepEqual(message.references, ['<first@elsewhere.test>', '<second@elsewhere.test>', ROOT.messageIdHeader]);
    assert.deepEqual(root.references, ['<first@elsewhere.test>', '<second@elsewhere.test>'], 'the root is not mutated');
  });

  it('does not stack "Re:" on a root subject that already has one', () => {
    for (const subject of ['Re: Quick question', 'RE: Quick question', 're:Quick question']) {
      assert.equal(composeMessage(followUp({ threadRoot: { ...ROOT, subject } })).subject, subject);
    }
  });

  it('keeps its own subject in the same thread when the step has one', () => {
    const message = composeMessage(followUp({ step: { subject: 'One more idea for {{ company }}' } }));
    assert.equal(message.subject, 'One more idea for Analytical Engines');
    assert.equal(message.inReplyTo, ROOT.messageIdHeader);
  });

  it('falls back to "Re: <root subject>" when the step subject renders empty', () => {
    const message = composeMessage(followUp({ step: { subject: '{{ custom.topic }}' } }));
    assert.equal(message.subject, 'Re: Quick question, Ada');
  });

  it('refuses to write an email whose subject or body renders empty for the prospect', () => {
    const noName = { firstName: null };
    assert.throws(
      () => composeMessage(context({ prospect: noName, step: { subject: '{{ firstName }}' } })),
      (error: Error) => error instanceof TemplateRenderError && /^the subject renders empty for this prospect/.test(error.message),
    );
    assert.throws(
      () => composeMessage(followUp({ prospect: noName, step: { subject: 'Hi', newThread: true, body: ' {{ firstName }} \n' } })),
      /^TemplateRenderError: the body renders empty for this prospect/,
    );
    // A follow-up in the thread has the thread's subject to fall back on.
    assert.equal(composeMessage(followUp({ prospect: noName, step: { subject: '{{ firstName }}' } })).subject, 'Re: Quick question, Ada');
  });

  it('starts a new thread for a follow-up marked newThread', () => {
    const message = composeMessage(followUp({ step: { subject: 'A different angle, {{ firstName }}', newThread: true } }));
    assert.equal(message.inReplyTo, null);
    assert.deepEqual(message.references, []);
    assert.equal(message.subject, 'A different angle, Ada');
  });

  it('keeps the subject on one line whatever line breaks the prospect data holds', () => {
    for (const company of ['Evil\r\nBcc: victim@example.com', 'Evil\nBcc: x', 'Evil\rBcc: x', 'Evil\r\n\r\n\r\nBcc: x']) {
      const message = composeMessage(context({ step: { subject: 'Hello {{ company }}' }, prospect: { company } }));
      assert.doesNotMatch(message.subject, /[\r\n]/);
      assert.match(message.subject, /^Hello Evil Bcc: /);
    }
  });

  it('trims a rendered subject', () => {
    assert.equal(composeMessage(context({ step: { subject: '  {{ firstName }}\n' } })).subject, 'Ada');
  });

  it('refuses a sender address without a domain instead of inventing a Message-ID', () => {
    assert.throws(() => composeMessage(context({ mailbox: { email: 'sam' } })), /no valid domain/);
  });
});

describe('composeMessage with A/B variants', () => {
  const variants = [
    { key: 'A', subject: 'Variant A for {{ firstName }}', body: 'Body A', weight: 1 },
    { key: 'B', subject: 'Variant B for {{ firstName }}', body: 'Body B', weight: 1 },
  ];

  it('writes the picked variant and records its key', () => {
    const message = composeMessage(context({ step: { variants } }));
    assert.ok(['A', 'B'].includes(message.variant));
    assert.equal(message.subject, `Variant ${message.variant} for Ada`);
    assert.equal(message.bodyText, `Body ${message.variant}`);
  });

  it('picks the same variant for the same enrollment and step, and both across enrollments', () => {
    const keys = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const first = composeMessage(context({ enrollmentId: `enr-${i}`, step: { variants } }));
      const again = composeMessage(context({ enrollmentId: `enr-${i}`, step: { variants } }));
      assert.equal(first.variant, again.variant);
      keys.add(first.variant);
    }
    assert.deepEqual([...keys].sort(), ['A', 'B']);
  });

  it("is variant 'A' for a step without variants", () => {
    assert.equal(composeMessage(context()).variant, 'A');
  });
});
