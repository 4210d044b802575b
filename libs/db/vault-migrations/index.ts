import { VaultMailboxSecrets1764307200000 } from './1764307200000-vault-mailbox-secrets';
import { VaultEnrichmentKeys1764317100000 } from './1764317100000-vault-enrichment-keys';

/** Every migration of the vault database (VAULT_DATABASE_URL), oldest first; applied before the main ones. */
export const VAULT_MIGRATIONS = [VaultMailboxSecrets1764307200000, VaultEnrichmentKeys1764317100000];
