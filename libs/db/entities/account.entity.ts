import { Column, Entity } from 'typeorm';
import { CreatedAt, IdColumn } from './columns';

/** A customer workspace: every other row belongs to exactly one account. */
@Entity({ name: 'accounts' })
export class Account {
  @IdColumn('accounts') id: string;
  @Column({ type: 'text' }) name: string;
  /** Host serving the pixel and tracked links of its campaigns (track.acme.com); null: API_PUBLIC_URL. */
  @Column({ name: 'tracking_domain', type: 'text', nullable: true }) trackingDomain: string | null;
  /** Set while the account's closure waits for its purge: nothing is sent (the send claim refuses). */
  @Column({ name: 'closing_since', type: 'timestamptz', nullable: true }) closingSince: Date | null;
  @CreatedAt() createdAt: Date;
  /** When the account was deleted (closed); retention counts from it. Null while it lives. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt: Date | null;
}
