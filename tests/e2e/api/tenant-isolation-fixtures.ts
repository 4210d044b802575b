import { randomUUID } from 'node:crypto';
import type { SmtpCapture } from '../../harness/smtp-capture';
import { createCampaign, createMailbox, createProspect } from '../../support/api-fixtures';
import type { TestAccount, TestApi } from '../../support/test-api';

export interface IsolationContext {
  api: TestApi;
  smtp: SmtpCapture;
  /** Account A: owns every resource the other account tries to reach. */
  owner: TestAccount;
  /** Builds a shared resource once (the mailbox, the campaign) and gives it to every fixture. */
  once(key: string, make: () => Promise<string>): Promise<string>;
}

/** One of account A's resources: the route parameters that name it and the row that must not change. */
export interface OwnedResource {
  params: Record<string, string>;
  table: string;
  id: string;
}

type Fixture = (context: IsolationContext) => Promise<OwnedResource>;

const mailbox = (c: IsolationContext) => c.once('mailbox', () => createMailbox(c.owner, c.smtp, 1));
const campaign = (c: IsolationContext) => c.once('campaign', async () => createCampaign(c.owner, await mailbox(c)));
const prospect = (c: IsolationContext) => c.once('prospect', () => createProspect(c.owner, `isolation-${randomUUID()}@acme.example`));

async function expectCreated(res: { status: number; text: string; body: any }, what: string): Promise<string> {
  if (res.status !== 201 && res.status !== 202) throw new Error(`fixture ${what}: ${res.status} ${res.text}`);
  return res.body.id;
}

async function insert(c: IsolationContext, sql: string, values: unknown[]): Promise<string> {
  const [row] = await c.api.dataSource.query(`${sql} RETURNING id`, values);
  return row.id;
}

const webhookEndpoint = (c: IsolationContext) => c.once('webhook-endpoint', async () => expectCreated(
  await c.owner.call('POST', '/v1/webhook-endpoints', { url: 'http://127.0.0.1:9/isolation', events: ['prospect.replied'] }), 'webhook-endpoints'));

const enrollment = (c: IsolationContext) => c.once('enrollment', async () => insert(c,
  `INSERT INTO enrollments (account_id, campaign_id, prospect_id, workflow_id) VALUES ($1, $2, $3, 'isolation-fixture')`,
  [c.owner.accountId, await campaign(c), await prospect(c)]));

/**
 * How to make account A's resource of each kind, the kind being the path segment before a
 * route's first id (`/v1/campaigns/{id}/launch` → campaigns). A new route on a known kind needs
 * nothing here; a new kind needs one entry (the suite says which).
 */
export const FIXTURES: Record<string, Fixture> = {
  mailboxes: async (c) => {
    const id = await mailbox(c);
    return { params: { id }, table: 'mailboxes', id };
  },
  prospects: async (c) => {
    const id = await createProspect(c.owner, `isolation-${randomUUID()}@acme.example`);
    return { params: { id }, table: 'prospects', id };
  },
  campaigns: async (c) => {
    const id = await campaign(c);
    const steps = (await c.owner.call('GET', `/v1/campaigns/${id}`)).body.steps as { id: string }[];
    return { params: { id, stepId: steps[0].id, prospectId: await prospect(c) }, table: 'campaigns', id };
  },
  enrollments: async (c) => {
    const id = await enrollment(c);
    return { params: { id }, table: 'enrollments', id };
  },
  imports: async (c) => {
    const form = new FormData();
    form.append('file', new Blob(['email,first_name\nada@acme.example,Ada\n']), 'prospects.csv');
    const response = await fetch(`${c.api.baseUrl}/v1/imports`, {
      method: 'POST', body: form, headers: { authorization: `Bearer ${c.owner.apiKey}` },
    });
    const text = await response.text();
    const id = await expectCreated({ status: response.status, text, body: JSON.parse(text) }, 'imports');
    return { params: { id }, table: 'import_jobs', id };
  },
  suppressions: async (c) => {
    const id = await expectCreated(await c.owner.call('POST', '/v1/suppressions', { domain: `isolation-${randomUUID()}.example` }), 'suppressions');
    return { params: { id }, table: 'suppressions', id };
  },
  conversations: async (c) => {
    const res = await c.owner.call('POST', '/v1/support/conversations', { subject: 'Isolation', body: 'A question from account A' });
    const id = await expectCreated(res, 'conversations');
    return { params: { id }, table: 'support_conversations', id };
  },
  tasks: async (c) => {
    const steps = (await c.owner.call('GET', `/v1/campaigns/${await campaign(c)}`)).body.steps as { id: string }[];
    const id = await insert(c, `INSERT INTO tasks (account_id, enrollment_id, step_id, title) VALUES ($1, $2, $3, 'Call Ada')`,
      [c.owner.accountId, await enrollment(c), steps[0].id]);
    return { params: { id }, table: 'tasks', id };
  },
  'prospect-suggestions': async (c) => {
    const id = await insert(c,
      `INSERT INTO prospect_suggestions (account_id, campaign_id, departed_prospect_id, email, name) VALUES ($1, $2, $3, $4, 'Grace')`,
      [c.owner.accountId, await campaign(c), await prospect(c), `suggested-${randomUUID()}@acme.example`]);
    return { params: { id }, table: 'prospect_suggestions', id };
  },
  exports: async (c) => {
    const id = await expectCreated(await c.owner.call('POST', '/v1/account/exports'), 'exports');
    return { params: { id }, table: 'account_exports', id };
  },
  users: async (c) => {
    const id = await insert(c, `INSERT INTO users (account_id, email, name, role) VALUES ($1, $2, 'Mia', 'member')`,
      [c.owner.accountId, `member-${randomUUID()}@acme.example`]);
    return { params: { id }, table: 'users', id };
  },
  invitations: async (c) => {
    const id = await insert(c,
      `INSERT INTO invitations (account_id, email, role, token_hash, expires_at) VALUES ($1, $2, 'member', $3, now() + interval '1 day')`,
      [c.owner.accountId, `invited-${randomUUID()}@acme.example`, randomUUID()]);
    return { params: { id }, table: 'invitations', id };
  },
  'api-keys': async (c) => {
    const id = await expectCreated(await c.owner.call('POST', '/v1/api-keys', { name: 'Isolation' }), 'api-keys');
    return { params: { id }, table: 'api_keys', id };
  },
  'webhook-endpoints': async (c) => {
    const id = await webhookEndpoint(c);
    return { params: { id }, table: 'webhook_endpoints', id };
  },
  'webhook-deliveries': async (c) => {
    const id = await insert(c,
      `INSERT INTO webhook_deliveries (account_id, endpoint_id, event_type, event_key, payload, status)
       VALUES ($1, $2, 'prospect.replied', $3, '{}'::jsonb, 'failed')`,
      [c.owner.accountId, await webhookEndpoint(c), `isolation:${randomUUID()}`]);
    return { params: { id }, table: 'webhook_deliveries', id };
  },
  hooks: async (c) => {
    const id = await expectCreated(
      await c.owner.call('POST', '/v1/hooks', { target_url: 'http://127.0.0.1:9/zap', event: 'prospect.bounced' }), 'hooks');
    return { params: { id }, table: 'webhook_endpoints', id };
  },
  'enrichment-jobs': async (c) => {
    const id = await insert(c,
      `INSERT INTO enrichment_jobs (account_id, kind, provider, prospect_ids, total) VALUES ($1, 'verify', 'hunter', ARRAY[$2]::uuid[], 1)`,
      [c.owner.accountId, await prospect(c)]);
    return { params: { id }, table: 'enrichment_jobs', id };
  },
};
