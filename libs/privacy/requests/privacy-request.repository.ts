import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { PrivacyRequest, PrivacyRequestEvent, type PrivacyRequestStatus, type PrivacyRequestType } from '@relance/db';
import { keysetPage, type Page, type PageRequest } from '@relance/db/repositories/keyset-page';

export type NewPrivacyRequest = Pick<PrivacyRequest, 'type' | 'subjectKind' | 'requester'>
  & Partial<Pick<PrivacyRequest, 'accountId' | 'prospectId' | 'userId' | 'emailHash' | 'contactEmail' | 'requesterId' | 'message' | 'fields'>>;

export interface PrivacyRequestFilter {
  status?: PrivacyRequestStatus;
  type?: PrivacyRequestType;
  /** Verified, not completed, and past its due date at `now`. */
  overdueAt?: Date;
}

export interface Verification {
  /** customer: filed with the account's API key, the customer (controller) vouching for it. */
  method: 'link' | 'staff' | 'customer';
  staffId: string | null;
  reason: string | null;
  at: Date;
  dueAt: Date;
}

/** The privacy_requests rows and their events; every state change is conditional on the state it leaves. */
@Injectable()
export class PrivacyRequestRepository {
  constructor(private readonly dataSource: DataSource) {}

  create(input: NewPrivacyRequest): Promise<PrivacyRequest> {
    const rows = this.dataSource.getRepository(PrivacyRequest);
    return rows.save(rows.create({ ...input, status: 'awaiting_verification' }));
  }

  /** A public request of this type from this address still awaiting its verification, if any. */
  awaitingFor(emailHash: string, type: PrivacyRequestType): Promise<PrivacyRequest | null> {
    return this.dataSource.getRepository(PrivacyRequest).findOneBy({ emailHash, type, subjectKind: 'email', status: 'awaiting_verification' });
  }

  find(id: string): Promise<PrivacyRequest | null> {
    return this.dataSource.getRepository(PrivacyRequest).findOneBy({ id });
  }

  /** Null when the request is no longer awaiting verification (verified already, expired, closed). */
  verify(id: string, verification: Verification): Promise<PrivacyRequest | null> {
    return this.transition(id, 'awaiting_verification', {
      status: 'verified',
      verificationMethod: verification.method,
      verifiedByStaffId: verification.staffId,
      verificationReason: verification.reason,
      verifiedAt: verification.at,
      dueAt: verification.dueAt,
    });
  }

  /** The one extension: null when the request is not verified and open, or was extended already. */
  async extend(id: string, reason: string, at: Date, dueAt: Date): Promise<PrivacyRequest | null> {
    const result = await this.dataSource.getRepository(PrivacyRequest).createQueryBuilder()
      .update().set({ extendedAt: at, extensionReason: reason, dueAt })
      .where('id = :id AND status = :status AND extended_at IS NULL', { id, status: 'verified' })
      .execute();
    return result.affected ? this.find(id) : null;
  }

  async markEscalated(id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(PrivacyRequest).update({ id, status: 'verified' }, { escalatedAt: at });
  }

  async setFields(id: string, fields: Record<string, string | null>): Promise<void> {
    await this.dataSource.getRepository(PrivacyRequest).update({ id }, { fields });
  }

  async storeExport(id: string, exportData: Record<string, any>): Promise<void> {
    await this.dataSource.getRepository(PrivacyRequest).update({ id }, { exportData });
  }

  /**
   * Ends the request (completed with its certificate, expired, rejected) and nulls what it held
   * about the person, except an access export still to be downloaded (its link expires).
   */
  close(
    id: string,
    status: Exclude<PrivacyRequestStatus, 'awaiting_verification' | 'verified'>,
    certificate: string | null,
    at: Date,
    event?: RequestEvent,
  ): Promise<PrivacyRequest | null> {
    const from: PrivacyRequestStatus = status === 'expired' ? 'awaiting_verification' : 'verified';
    return this.transition(id, from, {
      status, certificate, completedAt: at, contactEmail: null, message: null, fields: null,
      verificationReason: null, extensionReason: null,
    }, event);
  }

  /** Staff reject an open request: from either open status; null when it was closed already. */
  async reject(id: string, at: Date): Promise<PrivacyRequest | null> {
    const result = await this.dataSource.getRepository(PrivacyRequest).update({ id, status: In(['awaiting_verification', 'verified']) }, {
      status: 'rejected', completedAt: at, contactEmail: null, message: null, fields: null, verificationReason: null, extensionReason: null,
    });
    return result.affected ? this.find(id) : null;
  }

  async addEvent(requestId: string, kind: string, details: Record<string, any> = {}, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).getRepository(PrivacyRequestEvent).insert({ requestId, kind, details });
  }

  events(requestId: string): Promise<PrivacyRequestEvent[]> {
    return this.dataSource.getRepository(PrivacyRequestEvent).find({ where: { requestId }, order: { occurredAt: 'ASC' } });
  }

  /** Newest first. Null when the cursor names no request. */
  list(filter: PrivacyRequestFilter, page: PageRequest): Promise<Page<PrivacyRequest> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT * FROM privacy_requests`,
      params: [],
      filter: {
        sql: `($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR type = $2)
          AND ($3::timestamptz IS NULL OR (status = 'verified' AND due_at < $3))`,
        params: [filter.status ?? null, filter.type ?? null, filter.overdueAt ?? null],
      },
      key: ['created_at', 'id'],
      descending: true,
      map: (row) => this.dataSource.getRepository(PrivacyRequest).create(toEntityShape(row)),
    }, page);
  }

  /** Requests still to handle (awaiting verification or verified), at most `limit`, those with the nearest due date first. */
  listOpen(limit: number): Promise<PrivacyRequest[]> {
    return this.dataSource.getRepository(PrivacyRequest).find({
      where: { status: In(['awaiting_verification', 'verified']) },
      order: { dueAt: { direction: 'ASC', nulls: 'LAST' }, createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  /**
   * Moves the request from `from`, with its event in the same transaction: whoever reads the
   * new status finds the event, and a retry after a crash never leaves a status without it.
   */
  private async transition(id: string, from: PrivacyRequestStatus, changes: Partial<PrivacyRequest>, event?: RequestEvent): Promise<PrivacyRequest | null> {
    const changed = await this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(PrivacyRequest).update({ id, status: from }, changes);
      if (result.affected && event) await this.addEvent(id, event.kind, event.details, manager);
      return Boolean(result.affected);
    });
    return changed ? this.find(id) : null;
  }
}

/** A raw row (snake_case) as the entity's properties. */
function toEntityShape(row: Record<string, any>): Partial<PrivacyRequest> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), value]));
}

/** An event written with a status change. */
export interface RequestEvent {
  readonly kind: string;
  readonly details?: Record<string, any>;
}
