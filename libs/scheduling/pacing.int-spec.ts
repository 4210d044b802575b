import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';
import { loadConfig } from '@relance/config';
import { createDataSource, OutboxRepository } from '@relance/db';
import { composeMessage, decideClaim } from '@relance/sending';
import { decidePace } from './pacing';
import { claimBillingRules } from '@relance/billing';

const DUE = 500;
const DAILY_LIMIT = 50;
const SPACING_MS = 1_000;

/**
 * Mailbox limits hold exactly under concurrency: 500 sends due at the same instant on one
 * mailbox (cap 50, 1 s spacing) go through the real claim transaction on PostgreSQL. Time is
 * simulated so the whole day runs in seconds; the row locks and the races are real.
 */
describe('pacing under concurrency (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let outbox: OutboxRepository;
  let stepId: string;
  let enrollmentIds: string[];

  before(async () => {
    dataSource = await createDataSource(loadConfig().database.url, { poolSize: 10 }).initialize();
    outbox = new OutboxRepository(dataSource);
    const { accountId } = await bootstrapAccount(dataSource, { accountName: 'Pacing', ownerEmail: 'o@pacing.test', ownerName: 'O' });
    const mailboxId = randomUUID();
    await dataSource.query(
      `INSERT INTO mailboxes (id, account_id, email, smtp_host, smtp_port, smtp_username, imap_host, imap_port, imap_username,
         daily_limit, min_spacing_seconds)
       VALUES ($1, $2, 'rep@pacing.test', '127.0.0.1', 1, 'u', '127.0.0.1', 1, 'u', $3, $4)`,
      [mailboxId, accountId, DAILY_LIMIT, SPACING_MS / 1000],
    );
    const [campaign] = await dataSource.query(
      `INSERT INTO campaigns (account_id, name, mailbox_id) VALUES ($1, 'Pacing', $2) RETURNING id`, [accountId, mailboxId],
    );
    await dataSource.query(`INSERT INTO campaign_mailboxes (campaign_id, mailbox_id) VALUES ($1, $2)`, [campaign.id, mailboxId]);
    const [step] = await dataSource.query(
      `INSERT INTO steps (campaign_id, position, kind, subject, body) VALUES ($1, 0, 'email', 'Hi', 'Hello') RETURNING id`,
      [campaign.id],
    );
    stepId = step.id;
    const rows = await dataSource.query(
      `WITH p AS (
         INSERT INTO prospects (account_id, email) SELECT $1, 'p' || n || '@prospects.test' FROM generate_series(1, $3) n
         RETURNING id)
       INSERT INTO enrollments (account_id, campaign_id, prospect_id, workflow_id)
       SELECT $1, $2, p.id, 'enrollment:' || p.id FROM p RETURNING id`,
      [accountId, campaign.id, DUE],
    );
    enrollmentIds = rows.map((row: { id: string }) => row.id);
  });

  after(async () => {
    await dataSource?.destroy();
  });

  it(`sends exactly ${DAILY_LIMIT} of ${DUE} due sends in the day, never two within ${SPACING_MS} ms`, async () => {
    const dayStart = Date.parse('2026-12-02T00:00:00Z');
    let clock = dayStart + 8 * 3_600_000;
    const pending = new Map(enrollmentIds.map((id) => [id, { wakeAt: clock, heldSlot: null as Date | null }]));
    const admittedAt: number[] = [];
    let claims = 0;

    while (clock < dayStart + 86_400_000) {
      const due = [...pending].filter(([, p]) => p.wakeAt <= clock);
      // All due sends race for the mailbox at once, as their workflows would.
      await Promise.all(due.map(async ([id, p]) => {
        claims++;
        const now = new Date(clock);
        const result = await outbox.claim(id, stepId, {
          decide: decideClaim,
          compose: composeMessage,
          suppressionKeys: () => ({ emailHash: '', domains: [] }), // this account suppresses nobody
          ...claimBillingRules(null, 0), // billing off: nothing held back
          pace: (context) => decidePace({
            now, window: null, assignedMailboxId: context.assignedMailboxId, mailboxes: context.mailboxes,
            heldSlot: p.heldSlot, random: Math.random,
          }),
        });
        if (result.kind === 'claimed') {
          admittedAt.push(clock);
          pending.delete(id);
        } else {
          assert.equal(result.kind, 'deferred');
          if (result.kind === 'deferred') pending.set(id, { wakeAt: result.until.getTime(), heldSlot: result.queued ? result.until : null });
        }
      }));
      clock = Math.min(...[...pending.values()].map((p) => p.wakeAt));
    }

    assert.equal(admittedAt.length, DAILY_LIMIT, `admitted ${admittedAt.length}`);
    const [sent] = await dataSource.query(`SELECT count(*)::int AS n FROM messages WHERE step_id = $1`, [stepId]);
    assert.equal(sent.n, DAILY_LIMIT, 'one outbox row per admitted send, no more');
    admittedAt.sort((a, b) => a - b);
    for (let i = 1; i < admittedAt.length; i++) {
      assert.ok(admittedAt[i] - admittedAt[i - 1] >= SPACING_MS, `sends ${i - 1} and ${i} are ${admittedAt[i] - admittedAt[i - 1]} ms apart`);
    }
    assert.ok([...pending.values()].every((p) => p.wakeAt >= dayStart + 86_400_000), 'the rest wait for tomorrow');
    assert.ok(claims < DUE * 3, `waiters wake one by one, not all together (${claims} claims)`);
  });
});
