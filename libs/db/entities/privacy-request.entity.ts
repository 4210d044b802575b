import { Check, Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn, UpdatedAt } from './columns';

export const PRIVACY_REQUEST_TYPES = ['access', 'erasure', 'rectification', 'restriction'] as const;
export type PrivacyRequestType = (typeof PRIVACY_REQUEST_TYPES)[number];
export const PRIVACY_REQUEST_STATUSES = ['awaiting_verification', 'verified', 'completed', 'expired', 'rejected'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];
export type PrivacyRequester = 'subject' | 'customer' | 'staff';
export type PrivacySubjectKind = 'prospect' | 'user' | 'email';

/**
 * A data-subject request, driven by its workflow `privacy-request:<id>`. The subject is an id (a
 * prospect or a user of an account) or, for someone who wrote in from the public form, the keyed
 * hash of their address; `contact_email` is where answers go and is nulled when the request
 * closes, with the message and the fields to rectify.
 */
@Entity({ name: 'privacy_requests' })
@Check('ck_privacy_requests_type', `"type" IN ('access', 'erasure', 'rectification', 'restriction')`)
@Check('ck_privacy_requests_subject_kind', `"subject_kind" IN ('prospect', 'user', 'email')`)
@Check('ck_privacy_requests_requester', `"requester" IN ('subject', 'customer', 'staff')`)
@Check('ck_privacy_requests_status', `"status" IN ('awaiting_verification', 'verified', 'completed', 'expired', 'rejected')`)
@Check('ck_privacy_requests_verification_method', `"verification_method" IS NULL OR "verification_method" IN ('link', 'staff', 'customer')`)
@Check('ck_privacy_requests_subject', `
          ("subject_kind" = 'prospect' AND "prospect_id" IS NOT NULL AND "account_id" IS NOT NULL)
          OR ("subject_kind" = 'user' AND "user_id" IS NOT NULL AND "account_id" IS NOT NULL)
          OR ("subject_kind" = 'email' AND "email_hash" IS NOT NULL)`)
@Index('ix_privacy_requests_status_created', ['status', 'createdAt', 'id'])
@Index('ix_privacy_requests_due', ['dueAt'], { where: `"status" = 'verified'` })
@Index('ix_privacy_requests_awaiting_hash', ['emailHash'], { where: `"status" = 'awaiting_verification'` })
export class PrivacyRequest {
  @IdColumn('privacy_requests') id: string;
  @Column({ type: 'text' }) type: PrivacyRequestType;
  @Column({ name: 'subject_kind', type: 'text' }) subjectKind: PrivacySubjectKind;
  /** No foreign keys to the subject: the request outlives the erasure it carries out. */
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @Column({ name: 'prospect_id', type: 'uuid', nullable: true }) prospectId: string | null;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  /** Keyed hash (SUPPRESSION_HASH_KEY) of the address a member of the public typed. */
  @Column({ name: 'email_hash', type: 'text', nullable: true }) emailHash: string | null;
  /** Where the link, the notices and the certificate go; nulled when the request closes. */
  @Column({ name: 'contact_email', type: 'text', nullable: true }) contactEmail: string | null;
  @Column({ type: 'text' }) requester: PrivacyRequester;
  /** The API key (customer) or staff member who filed it; null for the subject. */
  @Column({ name: 'requester_id', type: 'uuid', nullable: true }) requesterId: string | null;
  @Column({ type: 'text', nullable: true }) message: string | null;
  /** Rectification: the prospect fields to set and their new values; nulled when the request closes. */
  @Column({ type: 'jsonb', nullable: true }) fields: Record<string, string | null> | null;
  @Column({ type: 'text', default: 'awaiting_verification' }) status: PrivacyRequestStatus;
  @Column({ name: 'verification_method', type: 'text', nullable: true }) verificationMethod: 'link' | 'staff' | 'customer' | null;
  @Column({ name: 'verified_by_staff_id', type: 'uuid', nullable: true }) verifiedByStaffId: string | null;
  @Column({ name: 'verification_reason', type: 'text', nullable: true }) verificationReason: string | null;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  @Column({ name: 'extended_at', type: 'timestamptz', nullable: true }) extendedAt: Date | null;
  @Column({ name: 'extension_reason', type: 'text', nullable: true }) extensionReason: string | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  /** The signed certificate (compact JWS): ids, tables and counts, no personal data. */
  @Column({ type: 'text', nullable: true }) certificate: string | null;
  /** Access: what was found about the subject, for download by a signed expiring link. */
  @Column({ name: 'export_data', type: 'jsonb', nullable: true }) exportData: Record<string, any> | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
