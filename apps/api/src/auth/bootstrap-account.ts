import type { DataSource } from 'typeorm';
import { AccountRepository } from '@relance/db/repositories/account.repository';

export interface BootstrappedAccount {
  accountId: string;
  userId: string;
  apiKeyId: string;
  /** The plaintext key: shown once, only its hash is stored. */
  apiKey: string;
}

/**
 * Creates an account, its owner and a first API key. For scripts (the launcher's demo
 * account) and tests, which hold a DataSource but no Nest application.
 */
export async function bootstrapAccount(
  dataSource: DataSource,
  input: { accountName: string; ownerEmail: string; ownerName: string; keyName?: string },
): Promise<BootstrappedAccount> {
  const accounts = new AccountRepository(dataSource);
  const { account, owner } = await accounts.createAccountWithOwner(input);
  const { key, apiKey } = await accounts.createApiKey(account.id, owner.id, input.keyName ?? 'default');
  return { accountId: account.id, userId: owner.id, apiKeyId: apiKey.id, apiKey: key };
}

/** Issues one more key for an existing account (and optionally a rep of it). */
export async function issueApiKey(
  dataSource: DataSource,
  input: { accountId: string; userId?: string | null; name: string },
): Promise<{ apiKeyId: string; apiKey: string }> {
  const { key, apiKey } = await new AccountRepository(dataSource).createApiKey(input.accountId, input.userId ?? null, input.name);
  return { apiKeyId: apiKey.id, apiKey: key };
}
