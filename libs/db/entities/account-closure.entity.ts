import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AccountClosureStatus = 'pending' | 'cancelled' | 'purged';

/** What a closure certificate states: nothing readable, ids and counts. */
export interface ClosureCertificate {
  accountId: string;
  requestedAt: string;
  purgedAt: string;
  /** Rows removed per table, by database (`main`, `vault`), and from the request-log archives (`archives`). */
  counts: { main: Record<string, number>; vault: Record<string, number>; archives?: Record<string, number> };
  /** Export archives removed from ACCOUNT_EXPORT_DIR. */
  filesRemoved: number;
  /** What was kept, and why. */
  kept: string[];
}

/**
 * An account's closure (workflow `account-closure:<accountId>`): requested, cancelled by a
 * reactivation, or purged with its signed certificate. No foreign key: the row outlives the
 * account, so staff can read the certificate afterwards. Holds ids, times and counts only.
 */
@Entity({ name: 'account_closures' })
export class AccountClosure {
  @PrimaryColumn({ name: 'account_id', type: 'uuid', primaryKeyConstraintName: 'pk_account_closures' }) accountId: string;
  @Column({ type: 'text' }) status: AccountClosureStatus;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'purge_after', type: 'timestamptz' }) purgeAfter: Date;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true }) purgedAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) certificate: ClosureCertificate | null;
  /** The certificate signed (compact JWS, HS256, PRIVACY_CERTIFICATE_KEYS): anyone holding the key can check it. */
  @Column({ name: 'certificate_jws', type: 'text', nullable: true }) certificateJws: string | null;
}
