import type { DataSource } from 'typeorm';
import type { MailUser } from '@relance/devservices';
import { mailboxSyncWorkflowId, type TemporalClientHandle } from '@relance/temporal';
import type { ApiClient, ApiResponse } from '../../tests/support/api-client';
import { pollUntil } from './measure';
import type { SmtpSink } from './smtp-sink';

/** Everything a benchmark sets up goes through the public API, as a customer would. */

const API_BATCH = 1_000;

function expectStatus(response: ApiResponse, status: number, what: string): void {
  if (response.status !== status) {
    throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
  }
}

/**
 * A mailbox that sends to the sink and reads a Dovecot user's INBOX. Its daily limit and
 * spacing are lifted so that, once they are enforced, they are not what gets measured.
 */
export async function createMailbox(
  api: ApiClient,
  db: DataSource,
  options: { user: MailUser; sink: SmtpSink; imap: { host: string; port: number } },
): Promise<string> {
  const { user, sink, imap } = options;
  const created = await api.post('/v1/mailboxes', {
    email: user.user,
    displayName: 'Bench Rep',
    smtp: { host: sink.host, port: sink.port, secure: false, username: user.user, password: 'bench-smtp' },
    imap: { host: imap.host, port: imap.port, secure: false, username: user.user, password: user.password },
    dailyLimit: 10_000,
    minSpacingSeconds: 0,
  });
  expectStatus(created, 201, 'create mailbox');
  await db.query(`UPDATE mailboxes SET daily_limit = 1000000000, min_spacing_seconds = 0 WHERE id = $1`, [created.body.id]);
  return created.body.id;
}

/** `n` prospects named after their index, created through the batch endpoint; their ids. */
export async function createProspects(api: ApiClient, n: number, domain: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < n; start += API_BATCH) {
    const rows = Array.from({ length: Math.min(API_BATCH, n - start) }, (_, i) => ({
      email: `p${start + i}@${domain}`,
      firstName: `P${start + i}`,
      company: `Company ${start + i}`,
    }));
    const response = await api.post('/v1/prospects/batch', { prospects: rows });
    expectStatus(response, 200, 'create prospects');
    if (response.body.errors.length > 0) throw new Error(`prospects refused: ${JSON.stringify(response.body.errors[0])}`);
    ids.push(...response.body.created.map((prospect: { id: string }) => prospect.id));
  }
  return ids;
}

export type StepInput =
  | { type: 'email'; subject?: string; body: string }
  | { type: 'wait'; amount: number; unit: 'seconds' | 'minutes' | 'hours' | 'days' };

export const FIRST_EMAIL: StepInput = {
  type: 'email',
  subject: 'Quick question, {{ firstName }}',
  body: 'Hi {{ firstName | default: "there" }},\n\nHow is {{ company }} handling outbound today?\n\nBest,\nRita',
};

/** A campaign and the ids of its steps, in order. */
export async function createCampaign(
  api: ApiClient,
  db: DataSource,
  options: { name: string; mailboxId: string; steps: StepInput[] },
): Promise<{ id: string; stepIds: string[] }> {
  const created = await api.post('/v1/campaigns', options);
  expectStatus(created, 201, 'create campaign');
  const rows: { id: string }[] = await db.query(`SELECT id FROM steps WHERE campaign_id = $1 ORDER BY position`, [
    created.body.id,
  ]);
  return { id: created.body.id, stepIds: rows.map((row) => row.id) };
}

export async function launchCampaign(api: ApiClient, campaignId: string, prospectIds?: string[]): Promise<void> {
  const response = await api.post(`/v1/campaigns/${campaignId}/launch`, prospectIds ? { prospectIds } : { all: true });
  expectStatus(response, 202, 'launch campaign');
}

/**
 * Waits until the campaign's launch has finished and none of its enrollments is still
 * sending, so that no workflow task of this benchmark is left for the next one's worker.
 */
export async function waitForCampaignSettled(
  db: DataSource,
  campaignId: string,
  options: { signal: AbortSignal; timeoutMs: number; stillActive?: number },
): Promise<void> {
  await pollUntil(
    async () => {
      const [row] = await db.query(
        `SELECT c.status, (SELECT count(*)::int FROM enrollments e WHERE e.campaign_id = c.id AND e.status = 'active') AS active
         FROM campaigns c WHERE c.id = $1`,
        [campaignId],
      );
      return row.status === 'active' && row.active <= (options.stillActive ?? 0) ? true : undefined;
    },
    { what: 'campaign to settle', signal: options.signal, timeoutMs: options.timeoutMs, intervalMs: 200 },
  );
}

/** The mailbox's IMAP sync runs forever: a finished benchmark ends it. */
export async function stopMailboxSync(temporal: TemporalClientHandle, mailboxId: string): Promise<void> {
  await temporal.client.workflow
    .getHandle(mailboxSyncWorkflowId(mailboxId))
    .terminate('benchmark over')
    .catch(() => undefined);
}
