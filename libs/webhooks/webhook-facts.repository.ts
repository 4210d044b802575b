import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Who an event is about, as a customer's system knows them: ids, the address and the name. */
export interface ProspectFacts {
  accountId: string;
  prospectId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
}

export interface EnrollmentFacts extends ProspectFacts {
  enrollmentId: string;
  campaignId: string;
  status: string;
  stopReason: string | null;
}

const PROSPECT_COLUMNS = `p.account_id AS "accountId", p.id AS "prospectId", p.email, p.first_name AS "firstName",
  p.last_name AS "lastName", p.company`;
const ENROLLMENT_COLUMNS = `${PROSPECT_COLUMNS}, e.id AS "enrollmentId", e.campaign_id AS "campaignId", e.status, e.stop_reason AS "stopReason"`;

/** Reads what a webhook payload says of the fact just recorded, by its id. */
@Injectable()
export class WebhookFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async inbound(inboundMessageId: string): Promise<(EnrollmentFacts & { receivedAt: Date | null; bounceReason: string | null }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${ENROLLMENT_COLUMNS}, i.received_at AS "receivedAt", i.bounce_reason AS "bounceReason"
       FROM inbound_messages i JOIN enrollments e ON e.id = i.enrollment_id JOIN prospects p ON p.id = e.prospect_id
       WHERE i.id = $1`,
      [inboundMessageId],
    );
    return row ?? null;
  }

  async enrollment(enrollmentId: string): Promise<(EnrollmentFacts & { finishedAt: Date | null }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${ENROLLMENT_COLUMNS}, e.finished_at AS "finishedAt"
       FROM enrollments e JOIN prospects p ON p.id = e.prospect_id WHERE e.id = $1`,
      [enrollmentId],
    );
    return row ?? null;
  }

  /** The prospect an outbox message went to (an unsubscribe names the message). */
  async messageRecipient(messageId: string): Promise<(EnrollmentFacts & { messageId: string }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${ENROLLMENT_COLUMNS}, m.id AS "messageId"
       FROM messages m JOIN enrollments e ON e.id = m.enrollment_id JOIN prospects p ON p.id = e.prospect_id WHERE m.id = $1`,
      [messageId],
    );
    return row ?? null;
  }

  async importJob(importJobId: string): Promise<Record<string, any> | null> {
    const [row] = await this.dataSource.query(
      `SELECT account_id AS "accountId", id AS "importId", status, total_rows AS "totalRows", imported, updated, skipped, refused,
              completed_at AS "completedAt"
       FROM import_jobs WHERE id = $1`,
      [importJobId],
    );
    return row ?? null;
  }

  /** A request about one of an account's prospects or users; null for one about Relance's own (no account). */
  async privacyRequest(requestId: string): Promise<Record<string, any> | null> {
    const [row] = await this.dataSource.query(
      `SELECT account_id AS "accountId", id AS "requestId", type, status, subject_kind AS "subjectKind", prospect_id AS "prospectId",
              completed_at AS "completedAt"
       FROM privacy_requests WHERE id = $1 AND account_id IS NOT NULL`,
      [requestId],
    );
    return row ?? null;
  }
}
