import assert from 'node:assert/strict';
import { mailboxSyncWorkflowId } from '@relance/temporal';
import { imapUser, testEnv } from '../harness/env';
import { ApiClient, eventually } from './api-client';
import type { RelanceStack } from './relance-stack';

export interface LaunchedSequence {
  mailboxId: string;
  campaignId: string;
  /** Enrollment ids by prospect email. */
  enrollmentIds: Record<string, string>;
  /** Resolves once every enrollment has this status (e.g. completed); returns them. */
  settled(status: string, timeoutMs?: number): Promise<unknown[]>;
  /** Ends the mailbox's sync workflow, which would otherwise outlive the test. */
  stopSync(): Promise<void>;
}

/**
 * Through the API on the real stack: a mailbox (no spacing) on the SMTP capture and Dovecot user
 * `rep`, one prospect per address, a campaign with `steps`, launched. Resolves once every
 * prospect is enrolled.
 */
export async function launchSequence(
  stack: RelanceStack,
  api: ApiClient,
  options: { rep: number; emails: string[]; steps: unknown[] },
): Promise<LaunchedSequence> {
  const mailUser = imapUser(options.rep);
  const { imap } = testEnv();
  const mailbox = await api.post('/v1/mailboxes', {
    email: mailUser.user,
    minSpacingSeconds: 0,
    smtp: { host: stack.smtp.host, port: stack.smtp.port, username: mailUser.user, password: 'x' },
    imap: { host: imap.host, port: imap.port, username: mailUser.user, password: mailUser.password },
  });
  assert.equal(mailbox.status, 201, JSON.stringify(mailbox.body));
  const prospectIds: Record<string, string> = {};
  for (const email of options.emails) {
    const created = await api.post('/v1/prospects', { email });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    prospectIds[email] = created.body.id;
  }
  const campaign = await api.post('/v1/campaigns', { name: 'Sequence', mailboxId: mailbox.body.id, steps: options.steps });
  assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
  const campaignId: string = campaign.body.id;
  assert.equal((await api.post(`/v1/campaigns/${campaignId}/launch`, { all: true })).status, 202);
  const list = () => api.get(`/v1/campaigns/${campaignId}/enrollments`).then((res) => res.body.data as any[]);
  const enrolled = await eventually('every prospect enrolled', async () => {
    const enrollments = await list();
    return enrollments.length === options.emails.length ? enrollments : undefined;
  });
  const enrollmentIds = Object.fromEntries(
    options.emails.map((email) => [email, enrolled.find((e) => e.prospectId === prospectIds[email]).id as string]),
  );
  return {
    mailboxId: mailbox.body.id,
    campaignId,
    enrollmentIds,
    settled: (status, timeoutMs = 30_000) =>
      eventually(`every enrollment ${status}`, async () => {
        const enrollments = await list();
        return enrollments.every((e) => e.status === status) ? enrollments : undefined;
      }, timeoutMs),
    stopSync: () =>
      stack.temporal.client.workflow.getHandle(mailboxSyncWorkflowId(mailbox.body.id)).terminate('test over').then(
        () => undefined,
        () => undefined,
      ),
  };
}
