import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface Person {
  email: string;
  firstName: string;
  lastName: string;
  /** The anonymised IP their opens were stored with. */
  ip: string;
}

export interface Footprint {
  prospectId: string;
  enrollmentId: string;
  messageId: string;
}

/**
 * For erasure tests on real PostgreSQL: a prospect with something in every table that can hold
 * their data (an accepted suggestion that made them a prospect, an enrollment, a sent email with a
 * soft bounce, an open with their IP, a task, a reply, a bounce, an unmatched email from their
 * address, and a webhook delivery about them with its attempt), in a campaign of `mailboxId`.
 */
export async function prospectFootprint(
  db: DataSource,
  target: { accountId: string; mailboxId: string; campaignId: string; stepId: string },
  person: Person,
): Promise<Footprint> {
  const { accountId, mailboxId, campaignId, stepId } = target;
  const [prospect] = await db.query(
    `INSERT INTO prospects (account_id, email, first_name, last_name, company, custom_fields)
     VALUES ($1, $2, $3, $4, 'Footprint Ltd', $5) RETURNING id`,
    [accountId, person.email, person.firstName, person.lastName, JSON.stringify({ nickname: person.firstName })],
  );
  const [enrollment] = await db.query(
    `INSERT INTO enrollments (account_id, campaign_id, prospect_id, workflow_id) VALUES ($1, $2, $3, 'enrollment:' || gen_random_uuid()) RETURNING id`,
    [accountId, campaignId, prospect.id],
  );
  const [message] = await db.query(
    `INSERT INTO messages (account_id, enrollment_id, step_id, mailbox_id, status, message_id_header, from_address,
                           to_address, subject, body_text, claimed_at, soft_bounces)
     VALUES ($1, $2, $3, $4, 'sent', $5, 'rep@footprint.test', $6, $7, $8, now(), 1) RETURNING id`,
    [accountId, enrollment.id, stepId, mailboxId, `<${randomUUID()}@footprint.test>`, person.email,
      `Hello ${person.firstName}`, `Dear ${person.firstName} ${person.lastName},`],
  );
  await db.query(
    `INSERT INTO tracking_events (account_id, message_id, kind, ip_anonymised, country, user_agent)
     VALUES ($1, $2, 'open', $3, 'FR', 'Mail')`,
    [accountId, message.id, person.ip],
  );
  await db.query(
    `INSERT INTO tasks (account_id, enrollment_id, step_id, title) VALUES ($1, $2, $3, $4)`,
    [accountId, enrollment.id, stepId, `Call ${person.firstName}`],
  );
  const inbound = (uid: number, fields: { enrollmentId: string | null; inReplyTo: string | null; kind: string }) => db.query(
    `INSERT INTO inbound_messages (account_id, mailbox_id, imap_uid_validity, imap_uid, kind, in_reply_to_message_id,
                                   enrollment_id, from_address, to_addresses, subject, body_text)
     VALUES ($1, $2, '1', $3, $4, $5, $6, $7, ARRAY['rep@footprint.test'], $8, $9)`,
    [accountId, mailboxId, uid, fields.kind, fields.inReplyTo, fields.enrollmentId,
      fields.kind === 'bounce' ? 'mailer-daemon@footprint.test' : person.email, `Re: Hello ${person.firstName}`,
      `${person.firstName} ${person.lastName} <${person.email}> wrote`],
  );
  // They came in as a colleague a referral suggested, accepted by the rep.
  await db.query(
    `INSERT INTO prospect_suggestions (account_id, campaign_id, email, name, status, created_prospect_id, enrollment_id, decided_at)
     VALUES ($1, $2, $3, $4, 'accepted', $5, $6, now())`,
    [accountId, campaignId, person.email, `${person.firstName} ${person.lastName}`, prospect.id, enrollment.id],
  );
  // A provider verified and enriched their address.
  const [job] = await db.query(
    `INSERT INTO enrichment_jobs (account_id, kind, provider, prospect_ids, total) VALUES ($1, 'enrich', 'hunter', $2, 1) RETURNING id`,
    [accountId, [prospect.id]],
  );
  await db.query(
    `INSERT INTO enrichment_results (account_id, job_id, position, prospect_id, kind, provider, outcome, details, filled_fields)
     VALUES ($1, $2, 0, $3, 'enrich', 'hunter', 'done', $4, '{company}')`,
    [accountId, job.id, prospect.id, JSON.stringify({ company: 'Footprint Ltd', position: `Friend of ${person.lastName}` })],
  );
  // Created through the API with an Idempotency-Key: the answer kept for replays names them.
  await db.query(
    `INSERT INTO idempotency_keys (account_id, key, request_hash, state, response_status, response_body, expires_at)
     VALUES ($1, $2, $3, 'completed', 201, $4::json, now() + interval '1 day')`,
    [accountId, `create-${prospect.id}`, 'f'.repeat(64), JSON.stringify({ id: prospect.id, email: person.email, firstName: person.firstName })],
  );
  // An event about them posted to the account's webhook endpoint, and the receiver's answer echoing it.
  const [endpoint] = await db.query(
    `INSERT INTO webhook_endpoints (account_id, url, events, secret_key_id, secret_wrapped_key, secret_ciphertext)
     VALUES ($1, 'https://hooks.example.com/relance', '{prospect.replied}', 'k1', $2, $2) RETURNING id`,
    [accountId, Buffer.alloc(16)],
  );
  const [delivery] = await db.query(
    `INSERT INTO webhook_deliveries (account_id, endpoint_id, event_type, event_key, prospect_id, payload)
     VALUES ($1, $2, 'prospect.replied', $3, $4, $5) RETURNING id`,
    [accountId, endpoint.id, `inbound:${randomUUID()}`, prospect.id, JSON.stringify({ type: 'prospect.replied', data: { email: person.email } })],
  );
  await db.query(
    `INSERT INTO webhook_delivery_attempts (delivery_id, status_code, duration_ms, response_snippet) VALUES ($1, 200, 12, $2)`,
    [delivery.id, JSON.stringify({ received: person.email })],
  );
  const uid = () => Math.floor(Math.random() * 2 ** 31);
  await inbound(uid(), { enrollmentId: enrollment.id, inReplyTo: message.id, kind: 'reply' });
  await inbound(uid(), { enrollmentId: null, inReplyTo: message.id, kind: 'bounce' });
  await inbound(uid(), { enrollmentId: null, inReplyTo: null, kind: 'reply' });
  return { prospectId: prospect.id, enrollmentId: enrollment.id, messageId: message.id };
}

/** A campaign with one email step in `mailboxId`, for footprints. */
export async function footprintCampaign(db: DataSource, accountId: string, mailboxId: string) {
  const [campaign] = await db.query(
    `INSERT INTO campaigns (account_id, name, mailbox_id, status) VALUES ($1, 'Erasure', $2, 'active') RETURNING id`,
    [accountId, mailboxId],
  );
  const [step] = await db.query(
    `INSERT INTO steps (campaign_id, position, kind, subject, body) VALUES ($1, 0, 'email', 'Hi', 'Hello') RETURNING id`,
    [campaign.id],
  );
  return { campaignId: campaign.id as string, stepId: step.id as string };
}
