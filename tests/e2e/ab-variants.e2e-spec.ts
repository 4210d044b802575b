import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiClient, eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/** A/B variants: saved with their weights, refused when malformed, sent and counted per variant. */
describe('A/B variants', () => {
  let stack: RelanceStack;
  let api: ApiClient;
  let mailboxId: string;

  before(async () => {
    stack = await startRelanceStack();
    api = stack.api;
    mailboxId = await stack.connectMailbox(api, 2, { minSpacingSeconds: 0 });
  });

  after(async () => {
    await stack?.stop();
  });

  const abStep = {
    type: 'email',
    variants: [
      { subject: 'Short one, {{ firstName }}', body: 'Short body', weight: 1 },
      { subject: 'Longer subject line, {{ firstName }}', body: 'Longer body', weight: 1 },
    ],
  };

  it('refuses malformed variants, naming the field', async () => {
    const create = (step: object) => api.post('/v1/campaigns', { name: 'AB', mailboxId, steps: [step] });
    const one = await create({ type: 'email', variants: [{ subject: 'Only', body: 'one' }] });
    assert.equal(one.status, 400);
    assert.match(JSON.stringify(one.body), /steps\.0\.variants/);
    const badTemplate = await create({ type: 'email', variants: [{ subject: 'A', body: 'ok' }, { subject: 'B', body: '{{ nope }}' }] });
    assert.equal(badTemplate.status, 400);
    assert.ok(badTemplate.body.error.details.some((d: { field: string }) => d.field === 'steps.0.variants.1.body'), JSON.stringify(badTemplate.body));
    const noSubject = await create({ type: 'email', variants: [{ subject: 'A', body: 'a' }, { body: 'b' }] });
    assert.ok(noSubject.body.error.details.some((d: { field: string }) => d.field === 'steps.0.variants.1.subject'));
    const both = await create({ ...abStep, subject: 'Also a subject' });
    assert.ok(both.body.error.details.some((d: { field: string }) => d.field === 'steps.0.variants'));
    const weightless = await create({ type: 'email', variants: [{ subject: 'A', body: 'a', weight: 0 }, { subject: 'B', body: 'b', weight: 0 }] });
    assert.equal(weightless.status, 400);
  });

  it('sends each prospect one variant and counts them per variant', async () => {
    const campaign = await api.post('/v1/campaigns', { name: 'AB', mailboxId, steps: [abStep] });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    assert.deepEqual(campaign.body.steps[0].variants.map((v: { key: string; weight: number }) => [v.key, v.weight]), [['A', 1], ['B', 1]]);
    const emails = Array.from({ length: 20 }, (_, i) => `ab-${i}@prospects.test`);
    for (const email of emails) await api.post('/v1/prospects', { email, firstName: 'Pat' });
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    for (const email of emails) await stack.smtp.waitFor((m) => m.envelope.to.includes(email), 30_000);

    const rows: { to_address: string; subject: string; variant: string }[] = await stack.dataSource.query(
      `SELECT to_address, subject, variant FROM messages WHERE step_id = $1`, [campaign.body.steps[0].id],
    );
    assert.equal(rows.length, 20);
    for (const row of rows) {
      const expected = row.variant === 'A' ? 'Short one, Pat' : 'Longer subject line, Pat';
      assert.equal(row.subject, expected);
      const captured = stack.smtp.messages.find((m) => m.envelope.to.includes(row.to_address));
      assert.equal(captured?.subject, expected);
    }
    const counts = { A: rows.filter((r) => r.variant === 'A').length, B: rows.filter((r) => r.variant === 'B').length };
    assert.ok(counts.A > 0 && counts.B > 0, `both variants are sent (${JSON.stringify(counts)})`);

    const stats = await eventually('stats', async () => {
      const res = await api.get(`/v1/campaigns/${campaign.body.id}/stats`);
      return res.body.steps?.[0]?.sent === 20 ? res.body : undefined;
    });
    const byVariant = Object.fromEntries(stats.steps[0].variants.map((v: { variant: string; sent: number }) => [v.variant, v.sent]));
    assert.deepEqual(byVariant, counts);
  });
});
