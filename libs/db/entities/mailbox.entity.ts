import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import type { StoredSendingWindow } from './campaign.entity';
import { CreatedAt, IdColumn, UpdatedAt } from './columns';
import { User } from './user.entity';

export type SentCopy = 'server' | 'relance';

/**
 * A rep's sending identity. Passwords are not here: they live encrypted in mailbox_secrets.
 * The IMAP checkpoint (UIDVALIDITY + last UID) lets sync resume where it stopped.
 */
@Entity({ name: 'mailboxes' })
// A closing account's purge deletes by account (AccountLifecycle1764308500000).
@Index('ix_mailboxes_account', ['accountId'])
export class Mailbox {
  @IdColumn('mailboxes') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_mailboxes_account' })
  account?: Account;
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_mailboxes_user' })
  user?: User;
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'display_name', type: 'text', default: '' }) displayName: string;
  @Column({ name: 'smtp_host', type: 'text' }) smtpHost: string;
  @Column({ name: 'smtp_port', type: 'integer' }) smtpPort: number;
  @Column({ name: 'smtp_secure', type: 'boolean', default: false }) smtpSecure: boolean;
  @Column({ name: 'smtp_username', type: 'text' }) smtpUsername: string;
  @Column({ name: 'imap_host', type: 'text' }) imapHost: string;
  @Column({ name: 'imap_port', type: 'integer' }) imapPort: number;
  @Column({ name: 'imap_secure', type: 'boolean', default: false }) imapSecure: boolean;
  @Column({ name: 'imap_username', type: 'text' }) imapUsername: string;
  @Column({ name: 'daily_limit', type: 'integer', default: 50 }) dailyLimit: number;
  @Column({ name: 'min_spacing_seconds', type: 'integer', default: 60 }) minSpacingSeconds: number;
  /** Up to this much is added at random to each spacing, so sends do not tick like a clock. */
  @Column({ name: 'spacing_jitter_seconds', type: 'integer', default: 0 }) spacingJitterSeconds: number;
  /** The daily limit counts days here, and the mailbox's own sending window applies here. */
  @Column({ name: 'time_zone', type: 'text', default: 'UTC' }) timeZone: string;
  /** When this mailbox may send (null: any time), on top of each campaign's own window. */
  @Column({ name: 'sending_window', type: 'jsonb', nullable: true }) sendingWindow: StoredSendingWindow | null;
  /** Sends nothing: left out of rotations, and threads on it wait until it is enabled again. */
  @Column({ type: 'boolean', default: false }) disabled: boolean;
  /** Why the mailbox disabled itself (too many bounces blaming the sender), for the rep to read; null when it did not. */
  @Column({ name: 'pause_reason', type: 'text', nullable: true }) pauseReason: string | null;
  /** When it last paused itself: bounces before that do not count again once the rep enables it. */
  @Column({ name: 'paused_at', type: 'timestamptz', nullable: true }) pausedAt: Date | null;
  /** UIDVALIDITY is an unsigned 32-bit number: kept as text to avoid sign trouble. */
  @Column({ name: 'imap_uid_validity', type: 'text', nullable: true }) imapUidValidity: string | null;
  @Column({ name: 'imap_last_uid', type: 'bigint', default: 0, transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  imapLastUid: number;
  /**
   * Who stores sent mail in the Sent folder: 'server' (it files what it accepts, as Gmail
   * does), 'relance' (we APPEND a copy), null until the first send tells.
   */
  @Column({ name: 'sent_copy', type: 'text', nullable: true }) sentCopy: SentCopy | null;
  @Column({ name: 'last_synced_at', type: 'timestamptz', nullable: true }) lastSyncedAt: Date | null;
  @Column({ name: 'sync_error', type: 'text', nullable: true }) syncError: string | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
