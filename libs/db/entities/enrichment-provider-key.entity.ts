import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns';

/**
 * An account's API key for one enrichment provider, sealed like mailbox credentials (see
 * MailboxSecret), in the vault's own database. `hint`: the key's last characters, all that is shown.
 */
@Entity({ name: 'enrichment_provider_keys' })
export class EnrichmentProviderKey {
  @PrimaryColumn({ name: 'account_id', type: 'uuid', primaryKeyConstraintName: 'pk_enrichment_provider_keys' }) accountId: string;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_enrichment_provider_keys' }) provider: string;
  @Column({ name: 'key_id', type: 'text' }) keyId: string;
  @Column({ name: 'wrapped_key', type: 'bytea' }) wrappedKey: Buffer;
  @Column({ type: 'bytea' }) ciphertext: Buffer;
  @Column({ type: 'text' }) hint: string;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
