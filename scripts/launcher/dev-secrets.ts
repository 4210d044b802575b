import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Keys for a local install, made once and kept in .data/secrets.json (mode 0600) so that
 * mailbox passwords and workflow histories stay readable across restarts. Production sets
 * VAULT_MASTER_KEYS and TEMPORAL_PAYLOAD_KEYS itself.
 */
export interface DevSecrets {
  vaultMasterKeys: string;
  temporalPayloadKeys: string;
  demoApiKey?: string;
  demoAccountId?: string;
}

export function loadDevSecrets(file: string): DevSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  const secrets: DevSecrets = {
    vaultMasterKeys: `dev1:${randomBytes(32).toString('base64')}`,
    temporalPayloadKeys: `dev1:${randomBytes(32).toString('base64')}`,
  };
  saveDevSecrets(file, secrets);
  return secrets;
}

export function saveDevSecrets(file: string, secrets: DevSecrets): void {
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
}
