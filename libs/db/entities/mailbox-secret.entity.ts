import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns';

/**
 * The vault: a mailbox's credentials encrypted with AES-256-GCM under a per-record data
 * key, itself wrapped by the master key named by key_id (so master keys can rotate).
 * Lives in the vault's own database (VAULT_DATABASE_URL), never the main one: no foreign key
 * can reach mailboxes there, so the repository keeps the two in step.
 */
@Entity({ name: 'mailbox_secrets' })
export class MailboxSecret {
  @PrimaryColumn({ name: 'mailbox_id', type: 'uuid', primaryKeyConstraintName: 'pk_mailbox_secrets' }) mailboxId: string;
  @Column({ name: 'key_id', type: 'text' }) keyId: string;
  @Column({ name: 'wrapped_key', type: 'bytea' }) wrappedKey: Buffer;
  @Column({ type: 'bytea' }) ciphertext: Buffer;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
