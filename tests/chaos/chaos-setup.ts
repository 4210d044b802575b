import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';
import { createDataSource, MailboxRepository } from '@relance/db';
import { ApiClient, type ApiResponse } from '../support/api-client';

const API_BATCH = 1_000;

export interface ChaosCampaignSpec {
  readonly databaseUrl: string;
  readonly apiUrl: string;
  readonly name: string;
  /** Prospects' domain; their addresses are p0@domain, p1@domain… */
  readonly domain: string;
  readonly emails: readonly string[];
  readonly smtp: { readonly host: string; readonly port: number };
  readonly imap: { readonly host: string; readonly port: number };
  readonly mailUser: { readonly user: string; readonly password: string };
  readonly emailSteps: number;
  readonly waitSeconds: number;
  /** The mailbox's provider files every accepted message in Sent (see ServerSentFolder). */
  readonly providerFilesSent: boolean;
}

/** Each email step has its own subject, so (recipient, subject) names one step of one prospect. */
export function stepSubject(email: string, emailStep: number): string {
  return `Step ${emailStep} for ${firstNameOf(email)}`;
}

/**
 * A fresh account and its campaign, as a customer makes them: mailbox, prospects and
 * campaign through the HTTP API. Returns the API client and the ids the run needs.
 */
export async function setUpChaosCampaign(spec: ChaosCampaignSpec): Promise<{ api: ApiClient; mailboxId: string; campaignId: string }> {
  const dataSource = await createDataSource(spec.databaseUrl, { poolSize: 1 }).initialize();
  try {
    const account = await bootstrapAccount(dataSource, { accountName: spec.name, ownerEmail: `owner@${spec.domain}`, ownerName: 'Chaos Owner' });
    const api = new ApiClient(spec.apiUrl, account.apiKey);
    const { user, password } = spec.mailUser;
    const mailbox = expectStatus(await api.post('/v1/mailboxes', {
      email: user,
      displayName: 'Chaos Rep',
      smtp: { host: spec.smtp.host, port: spec.smtp.port, secure: false, username: user, password: 'smtp-secret' },
      imap: { host: spec.imap.host, port: spec.imap.port, secure: false, username: user, password },
      minSpacingSeconds: 0,
    }), 201, 'create the mailbox');
    // Pacing is not under test here: no daily cap, whatever the number of prospects.
    await dataSource.query('UPDATE mailboxes SET daily_limit = 1000000000, min_spacing_seconds = 0 WHERE id = $1', [mailbox.id]);
    // What Relance would learn on its first send; known from the start, a crash during that
    // first send can be settled like any other.
    if (spec.providerFilesSent) await new MailboxRepository(dataSource).saveSentCopy(mailbox.id, 'server');

    for (let start = 0; start < spec.emails.length; start += API_BATCH) {
      const rows = spec.emails.slice(start, start + API_BATCH).map((email) => ({
        email,
        firstName: firstNameOf(email),
        company: `Company ${firstNameOf(email)}`,
      }));
      const batch = expectStatus(await api.post('/v1/prospects/batch', { prospects: rows }), 200, 'create prospects');
      if (batch.errors.length > 0) throw new Error(`prospects refused: ${JSON.stringify(batch.errors.slice(0, 3))}`);
    }

    const steps: unknown[] = [];
    for (let k = 1; k <= spec.emailSteps; k++) {
      if (k > 1) steps.push({ type: 'wait', amount: spec.waitSeconds, unit: 'seconds' });
      steps.push({ type: 'email', subject: `Step ${k} for {{ firstName }}`, body: `Note ${k} for {{ firstName }} at {{ company }}.` });
    }
    const campaign = expectStatus(
      await api.post('/v1/campaigns', { name: spec.name, mailboxId: mailbox.id, steps }),
      201,
      'create the campaign',
    );
    return { api, mailboxId: mailbox.id, campaignId: campaign.id };
  } finally {
    await dataSource.destroy();
  }
}

export function expectStatus(response: ApiResponse, status: number, what: string) {
  if (response.status !== status) throw new Error(`${what}: HTTP ${response.status} ${JSON.stringify(response.body).slice(0, 500)}`);
  return response.body;
}

function firstNameOf(email: string): string {
  return email.slice(0, email.indexOf('@')).toUpperCase();
}
