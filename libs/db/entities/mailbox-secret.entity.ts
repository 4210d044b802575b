import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns';
import { Mailbox } from './mailbox.entity';

/**
 * The vault: a mailbox's credentials encrypted with AES-256-GCM under a per-record data
 * key, itself wrapped by the master key named by key_id (so master keys can rotate).
 */
@Entity({ name: 'mailbox_secrets' })
export class MailboxSecret {
  @PrimaryColumn({ name: 'mailbox_id', type: 'uuid', primaryKeyConstraintName: 'pk_mailbox_secrets' }) mailboxId: string;
  @OneToOne(() => Mailbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'fk_mailbox_secrets_mailbox' })
  mailbox?: Mailbox;
  @Column({ name: 'key_id', type: 'text' }) keyId: string;
  @Column({ name: 'wrapped_key', type: 'bytea' }) wrappedKey: Buffer;
  @Column({ type: 'bytea' }) ciphertext: Buffer;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
