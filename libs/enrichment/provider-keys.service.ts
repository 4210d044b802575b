import { Inject, Injectable } from '@nestjs/common';
import { Vault } from '@relance/crypto';
import { EnrichmentProviderKeyRepository } from '@relance/db';
import type { ProviderName } from './providers/provider-error';

export const PROVIDERS: readonly ProviderName[] = ['hunter', 'briteverify', 'zerobounce'];

export interface ProviderKeySummary {
  provider: ProviderName;
  /** The key's last four characters behind an ellipsis: enough to tell two keys apart, never the key. */
  hint: string;
  updatedAt: Date;
}

/**
 * An account's provider API keys: sealed in the vault with `<accountId>:<provider>` bound as
 * context (a ciphertext moved onto another account's row does not open), opened only when a
 * call is made, never returned.
 */
@Injectable()
export class ProviderKeys {
  constructor(
    @Inject(EnrichmentProviderKeyRepository) private readonly keys: EnrichmentProviderKeyRepository,
    @Inject(Vault) private readonly vault: Vault,
  ) {}

  async set(accountId: string, provider: ProviderName, apiKey: string): Promise<ProviderKeySummary> {
    const hint = `…${apiKey.slice(-4)}`;
    await this.keys.save(accountId, provider, this.vault.seal(apiKey, context(accountId, provider)), hint);
    const saved = await this.keys.find(accountId, provider);
    return { provider, hint, updatedAt: saved?.updatedAt ?? new Date() };
  }

  async list(accountId: string): Promise<ProviderKeySummary[]> {
    return (await this.keys.list(accountId)).map((row) => ({ provider: row.provider as ProviderName, hint: row.hint, updatedAt: row.updatedAt }));
  }

  remove(accountId: string, provider: ProviderName): Promise<boolean> {
    return this.keys.remove(accountId, provider);
  }

  /** The key in clear, for one call; null when the account has none for the provider. */
  async open(accountId: string, provider: ProviderName): Promise<string | null> {
    const row = await this.keys.find(accountId, provider);
    return row ? this.vault.open(row, context(accountId, provider)) : null;
  }
}

const context = (accountId: string, provider: string) => `${accountId}:${provider}`;
