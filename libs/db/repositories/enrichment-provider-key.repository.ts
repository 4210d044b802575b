import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { SealedSecret } from '@relance/crypto';
import { EnrichmentProviderKey } from '../entities/enrichment-provider-key.entity';
import { VAULT_DATA_SOURCE } from './mailbox-secret.repository';

/** Sealed enrichment provider keys, in the vault's own database (like MailboxSecretRepository). */
@Injectable()
export class EnrichmentProviderKeyRepository {
  constructor(@Inject(VAULT_DATA_SOURCE) private readonly vault: DataSource) {}

  find(accountId: string, provider: string): Promise<EnrichmentProviderKey | null> {
    return this.vault.getRepository(EnrichmentProviderKey).findOneBy({ accountId, provider });
  }

  /** The account's keys, without opening any. */
  list(accountId: string): Promise<EnrichmentProviderKey[]> {
    return this.vault.getRepository(EnrichmentProviderKey).find({ where: { accountId }, order: { provider: 'ASC' } });
  }

  /** Sets (or replaces) the account's key for the provider. */
  async save(accountId: string, provider: string, secret: SealedSecret, hint: string): Promise<void> {
    await this.vault.query(
      `INSERT INTO enrichment_provider_keys (account_id, provider, key_id, wrapped_key, ciphertext, hint)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (account_id, provider) DO UPDATE
         SET key_id = EXCLUDED.key_id, wrapped_key = EXCLUDED.wrapped_key, ciphertext = EXCLUDED.ciphertext,
             hint = EXCLUDED.hint, updated_at = now()`,
      [accountId, provider, secret.keyId, secret.wrappedKey, secret.ciphertext, hint],
    );
  }

  /** True when there was a key to remove. */
  async remove(accountId: string, provider: string): Promise<boolean> {
    const result = await this.vault.getRepository(EnrichmentProviderKey).delete({ accountId, provider });
    return (result.affected ?? 0) > 0;
  }

  /** Every key of the account (its purge); how many went. */
  async removeAll(accountId: string): Promise<number> {
    const result = await this.vault.getRepository(EnrichmentProviderKey).delete({ accountId });
    return result.affected ?? 0;
  }
}
