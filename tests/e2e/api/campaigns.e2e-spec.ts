import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CampaignRepository } from '@relance/db/repositories/campaign.repository';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { createMailbox, SEQUENCE } from '../../support/api-fixtures';
import { TestApi, TestAccount } from '../../support/test-api';

describe('campaigns', () => {
  let api: TestApi;
  let smtp: SmtpCapture;
  let account: TestAccount;
  let mailboxId: string;

  before(async () => {
    [api, smtp] = await Promise.all([TestApi.start(), startSmtpCapture()]);
    account = await api.newAccount();
    mailboxId = await createMailbox(account, smtp, 1);
  });
  after(async () => {
    await api?.close();
    await smtp?.stop();
  });

  describe('a valid sequence', () => {
    let created: any;

    it('is created as a draft with its steps in order', async () => {
      const res = await account.call('POST', '/v1/campaigns', { name: 'Q3 outreach', mailboxId, steps: SEQUENCE });
      assert.equal(res.status, 201, res.text);
      created = res.body;
      assert.equal(created.name, 'Q3 outreach');
      assert.equal(created.status, 'draft');
      assert.equal(created.mailboxId, mailboxId);
      assert.deepEqual(created.mailboxIds, [mailboxId]);
      assert.equal(created.launchedAt, null);
      assert.deepEqual(
        created.steps.map(({ id, ...step }: any) => step),
        [
          { position: 0, type: 'email', subject: SEQUENCE[0].subject, body: SEQUENCE[0].body, newThread: false },
          { position: 1, type: 'wait', amount: 2, unit: 'days', sendingDaysOnly: false },
          { position: 2, type: 'email', subject: null, body: SEQUENCE[2].body, newThread: false },
        ],
      );
    });

    it('reads back with its steps; the list leaves them out', async () => {
      const one = await account.call('GET', `/v1/campaigns/${created.id}`);
      assert.equal(one.status, 200);
      assert.deepEqual(one.body, created);
      const list = await account.call('GET', '/v1/campaigns');
      assert.deepEqual(list.body, { data: [{ ...created, steps: undefined }].map(({ steps, ...c }) => c), nextCursor: null });
    });

    it('is invisible to another account', async () => {
      const other = await api.newAccount('other');
      assert.equal((await other.call('GET', `/v1/campaigns/${created.id}`)).status, 404);
      assert.deepEqual((await other.call('GET', '/v1/campaigns')).body, { data: [], nextCursor: null });
      const foreignCursor = await other.call('GET', `/v1/campaigns?after=${created.id}`);
      assert.equal(foreignCursor.status, 400);
      assert.equal(foreignCursor.body.error.field, 'after');
    });

    it('lists a page at a time, and refuses unknown query parameters', async () => {
      const pager = await api.newAccount('pager');
      const pagerMailbox = await createMailbox(pager, smtp, 2);
      const names = ['One', 'Two', 'Three'];
      for (const name of names) await pager.call('POST', '/v1/campaigns', { name, mailboxId: pagerMailbox, steps: SEQUENCE });
      const first = await pager.call('GET', '/v1/campaigns?limit=2');
      assert.deepEqual(first.body.data.map((c: { name: string }) => c.name), ['One', 'Two']);
      const rest = await pager.call('GET', `/v1/campaigns?limit=2&after=${first.body.nextCursor}`);
      assert.deepEqual([rest.body.data.map((c: { name: string }) => c.name), rest.body.nextCursor], [['Three'], null]);
      for (const query of ['limit=0', 'limit=201', 'status=active']) {
        assert.equal((await pager.call('GET', `/v1/campaigns?${query}`)).status, 400, query);
      }
    });
  });

  describe('a campaign rotating across several mailboxes', () => {
    it('lists every mailbox of the rotation on create, get, list and controls, the first one first', async () => {
      const rotating = await api.newAccount('rotation');
      const [first, second, third] = [
        await createMailbox(rotating, smtp, 1), await createMailbox(rotating, smtp, 2), await createMailbox(rotating, smtp, 3),
      ];
      const created = await rotating.call('POST', '/v1/campaigns', {
        // The first mailbox repeated among the others, and one spelt in capitals: each counted once.
        name: 'Rotation', mailboxId: third, mailboxIds: [second.toUpperCase(), third, first], steps: SEQUENCE,
      });
      assert.equal(created.status, 201, created.text);
      const rotation = [third, ...[first, second].sort()];
      assert.deepEqual(created.body.mailboxIds, rotation);
      assert.equal(created.body.mailboxId, third);
      const id = created.body.id;
      assert.deepEqual((await rotating.call('GET', `/v1/campaigns/${id}`)).body.mailboxIds, rotation);
      assert.deepEqual((await rotating.call('GET', '/v1/campaigns')).body.data.map((c: any) => c.mailboxIds), [rotation]);
      assert.deepEqual((await rotating.call('POST', `/v1/campaigns/${id}/stop`)).body.mailboxIds, rotation);
      const [{ n }] = await api.dataSource.query('SELECT count(*)::int AS n FROM campaign_mailboxes WHERE campaign_id = $1', [id]);
      assert.equal(n, 3);
    });
  });

  describe('an invalid campaign is refused whole', () => {
    const email = (extra: object = {}) => ({ type: 'email', subject: 'Hi', body: 'Hello', ...extra });
    const wait = (extra: object = {}) => ({ type: 'wait', amount: 1, unit: 'days', ...extra });
    const condition = (extra: object = {}) =>
      ({ type: 'condition', condition: 'opened', sinceStep: 0, then: 'next', else: 'end', ...extra });
    const cases: [string, unknown, string, string][] = [
      ['no steps', [], 'steps', 'steps must contain at least one step'],
      ['steps missing', undefined, 'steps', 'steps must be an array'],
      ['no email step', [wait(), wait()], 'steps', 'steps must contain at least one email step'],
      ['a first email without subject', [wait(), email({ subject: undefined })], 'steps.1.subject',
        'steps.1.subject is required on the first email step'],
      ['a new thread without subject', [email(), email({ subject: ' ', newThread: true })], 'steps.1.subject',
        'steps.1.subject is required when newThread is true'],
      ['an email step without body', [email({ body: undefined })], 'steps.0.body', 'steps.0.body must be a string'],
      ['a subject that is not a string', [email({ subject: 5 })], 'steps.0.subject', 'steps.0.subject must be a string'],
      ['an unknown step field', [email({ foo: 1 })], 'steps.0.foo', 'property steps.0.foo should not exist'],
      ['an email field on a wait step', [email(), wait({ body: 'x' })], 'steps.1.body', 'property steps.1.body should not exist'],
      ['an unknown step type', [{ type: 'sms', body: 'x' }], 'steps.0.type',
        'steps.0.type must be one of the following values: email, wait, condition, task'],
      ['a zero wait', [email(), wait({ amount: 0 })], 'steps.1.amount', 'steps.1.amount must not be less than 1'],
      ['a fractional wait', [email(), wait({ amount: 1.5 })], 'steps.1.amount', 'steps.1.amount must be an integer number'],
      ['an unknown wait unit', [email(), wait({ unit: 'weeks' })], 'steps.1.unit', 'steps.1.unit must be one of the following values'],
      ['a wait over a year', [email(), wait({ amount: 366 })], 'steps.1.amount', 'steps.1 waits longer than 365 days'],
      ['a broken template', [email({ body: 'Hi {{ firstName ' })], 'steps.0.body', 'steps.0.body has a template error'],
      ['an unknown variable', [email({ subject: 'Hi {{ phone }}' })], 'steps.0.subject',
        'steps.0.subject uses unknown variable "phone"'],
      ['a condition jumping back', [email(), wait(), condition({ then: 1 }), email()], 'steps.2.then',
        'steps.2.then must be the position of a later step (3 to 3)'],
      ['a condition jumping past the end', [email(), condition({ else: 4 }), email()], 'steps.1.else',
        'steps.1.else must be the position of a later step (2 to 2)'],
      ['a condition on a wait step', [email(), wait(), condition({ sinceStep: 1 })], 'steps.2.sinceStep',
        'steps.2.sinceStep must be the position of an earlier email step'],
      ['a condition on a later email', [email(), condition({ sinceStep: 2 }), email()], 'steps.1.sinceStep',
        'steps.1.sinceStep must be the position of an earlier email step'],
      ['an unknown condition', [email(), condition({ condition: 'bounced' })], 'steps.1.condition',
        'steps.1.condition must be one of the following values: opened, clicked, replied, not_replied'],
      ["'end' as a then", [email(), condition({ then: 'end' })], 'steps.1.then',
        'steps.1.then must be a step position or one of: next'],
      ['a task without a title', [email(), { type: 'task' }], 'steps.1.title', 'steps.1.title must be a string'],
      ['variants: null and no body', [email({ body: undefined, variants: null })], 'steps.0.body', 'steps.0.body must be a string'],
      ['a blank body', [email({ body: ' \n\t ' })], 'steps.0.body', 'steps.0.body must not be blank'],
      ['a blank variant body', [email({ body: undefined, variants: [{ subject: 'A', body: 'a' }, { subject: 'B', body: '  ' }] })],
        'steps.0.variants.1.body', 'steps.0.variants.1.body must not be blank'],
      ['a NUL character in a body', [email({ body: 'a\u0000b' })], 'steps.0.body',
        'steps.0.body must not contain the NUL character (U+0000)'],
      ['a NUL character in task instructions', [email(), { type: 'task', title: 'Call', instructions: '\u0000' }],
        'steps.1.instructions', 'steps.1.instructions must not contain the NUL character (U+0000)'],
      ['a null step', [email(), null], 'steps.1', 'steps.1 must not be null'],
      ['a subject over 500 characters', [email({ subject: 'x'.repeat(501) })], 'steps.0.subject',
        'steps.0.subject must be shorter than or equal to 500 characters'],
    ];
    for (const [label, steps, field, message] of cases) {
      it(`400 for ${label}`, async () => {
        const res = await account.call('POST', '/v1/campaigns', { name: 'Bad', mailboxId, steps });
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.error.code, 'validation_failed');
        assert.ok(res.body.error.details.some((d: any) => d.field === field), `${field} in ${res.text}`);
        assert.ok(res.body.error.message.includes(message), `"${res.body.error.message}" mentions "${message}"`);
      });
    }

    it('400 naming only the type of a step without one', async () => {
      const res = await account.call('POST', '/v1/campaigns', { name: 'Bad', mailboxId, steps: [{ subject: 'Hi', body: 'Hello' }] });
      assert.equal(res.status, 400, res.text);
      assert.deepEqual(res.body.error.details.map((d: { field: string }) => d.field), ['steps.0.type']);
    });

    it('400 for a condition on opens when tracking is off', async () => {
      const steps = [email(), condition(), email()];
      const res = await account.call('POST', '/v1/campaigns', { name: 'Bad', mailboxId, trackingEnabled: false, steps });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.details[0].field, 'steps.1.condition');
      assert.match(res.body.error.message, /can never hold: tracking is off/);
    });

    it('400 for EST, naming the zone to use instead', async () => {
      const res = await account.call('POST', '/v1/campaigns', { name: 'Bad', mailboxId, timeZone: 'EST', steps: SEQUENCE });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.details[0].field, 'timeZone');
      assert.match(res.body.error.message, /timeZone "EST" is a fixed UTC−05:00 offset .* America\/New_York/);
    });

    it('400 for an offset, which newer runtimes would take for a zone, naming a zone to use', async () => {
      const res = await account.call('POST', '/v1/campaigns', { name: 'Bad', mailboxId, timeZone: '+02:00', steps: SEQUENCE });
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.details[0].field, 'timeZone');
      assert.match(res.body.error.message, /timeZone "\+02:00" is a fixed offset from UTC, not a time zone: .* Europe\/Paris/);
    });

    it('400 for a blank, multi-line or NUL-carrying name', async () => {
      for (const [name, message] of [
        ['   ', 'name must not be blank'],
        ['Q3\nQ4', 'name must be a single line'],
        ['a\u0000b', 'name must not contain the NUL character (U+0000)'],
      ]) {
        const res = await account.call('POST', '/v1/campaigns', { name, mailboxId, steps: SEQUENCE });
        assert.equal(res.status, 400, res.text);
        assert.ok(res.body.error.message.includes(message), `"${res.body.error.message}" mentions "${message}"`);
      }
    });

    it('takes a complaint limit of its own, 0.3 % after 50 emails unless told, and 400 naming it when out of range', async () => {
      // An account of its own: this block checks that refused campaigns leave nothing behind.
      const owner = await api.newAccount('complaints');
      const ownMailbox = await createMailbox(owner, smtp, 2);
      const defaults = await owner.call('POST', '/v1/campaigns', { name: 'Complaints', mailboxId: ownMailbox, steps: SEQUENCE });
      assert.equal(defaults.status, 201, defaults.text);
      assert.deepEqual([defaults.body.complaintRateLimit, defaults.body.complaintRateMinSends], [0.003, 50]);
      const own = await owner.call('POST', '/v1/campaigns', {
        name: 'Complaints', mailboxId: ownMailbox, steps: SEQUENCE, complaintRateLimit: 0.001, complaintRateMinSends: 200,
      });
      assert.deepEqual([own.body.complaintRateLimit, own.body.complaintRateMinSends], [0.001, 200]);
      for (const [field, value] of [['complaintRateLimit', 1.5], ['complaintRateMinSends', 0]] as const) {
        const res = await account.call('POST', '/v1/campaigns', { name: 'Bad', mailboxId, steps: SEQUENCE, [field]: value });
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.error.details[0].field, field);
      }
    });

    it('400 for an unknown top-level field and a malformed mailbox id', async () => {
      const res = await account.call('POST', '/v1/campaigns', { name: 'Bad', mailboxId: 'x', steps: SEQUENCE, tracking: true });
      assert.equal(res.status, 400);
      assert.match(res.body.error.message, /mailboxId must be a UUID/);
      assert.match(res.body.error.message, /property tracking should not exist/);
    });

    it('404 naming mailboxId for an unknown mailbox, or another account\'s', async () => {
      const other = await api.newAccount('other');
      const otherMailbox = await createMailbox(other, smtp, 2);
      for (const id of [randomUUID(), otherMailbox]) {
        const res = await account.call('POST', '/v1/campaigns', { name: 'Bad', mailboxId: id, steps: SEQUENCE });
        assert.equal(res.status, 404, res.text);
        assert.equal(res.body.error.code, 'not_found');
        assert.equal(res.body.error.field, 'mailboxId');
      }
    });

    it('saved none of them', async () => {
      const list = await account.call('GET', '/v1/campaigns');
      assert.deepEqual(list.body.data.map((c: any) => c.name), ['Q3 outreach']);
    });
  });

  it('keeps condition and task steps as written', async () => {
    const steps = [
      SEQUENCE[0],
      { type: 'task', title: 'Call them', instructions: 'Ask about Q3.' },
      { type: 'condition', condition: 'clicked', sinceStep: 0, then: 4, else: 'end' },
      { type: 'condition', condition: 'not_replied', sinceStep: 0, then: 'next', else: 'next' },
      { type: 'email', body: 'Following up.' },
    ];
    const res = await account.call('POST', '/v1/campaigns', { name: 'Branches', mailboxId, steps });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual(res.body.steps.slice(1).map(({ id, ...step }: any) => step), [
      { position: 1, type: 'task', title: 'Call them', instructions: 'Ask about Q3.' },
      { position: 2, type: 'condition', condition: 'clicked', sinceStep: 0, then: 4, else: 'end' },
      { position: 3, type: 'condition', condition: 'not_replied', sinceStep: 0, then: 'next', else: 'next' },
      { position: 4, type: 'email', subject: null, body: 'Following up.', newThread: false },
    ]);
    assert.deepEqual((await account.call('GET', `/v1/campaigns/${res.body.id}`)).body.steps, res.body.steps);
  });

  it('creates a campaign and its steps in one transaction: a failing step leaves no campaign', async () => {
    const campaigns = new CampaignRepository(api.dataSource);
    const name = `half-${randomUUID()}`;
    await assert.rejects(
      campaigns.createWithSteps({ accountId: account.accountId, name, mailboxId }, [
        { kind: 'email', subject: 'Hi', body: 'x' },
        { kind: null as unknown as 'email' }, // violates NOT NULL on steps.kind
      ]),
    );
    const [{ n }] = await api.dataSource.query('SELECT count(*)::int AS n FROM campaigns WHERE name = $1', [name]);
    assert.equal(n, 0);
  });
});
