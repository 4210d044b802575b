import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Keys for a local install, made once and kept in .data/secrets.json (mode 0600) so that
 * mailbox passwords, workflow histories, signed links and suppressions stay valid across
 * restarts. Production sets the four key variables itself. The demo mailbox's password lives
 * here too: the vault holds the copy sealed with these keys, so the two are lost together.
 */
export interface DevSecrets {
  vaultMasterKeys: string;
  temporalPayloadKeys: string;
  tokenSigningKeys: string;
  suppressionHashKey: string;
  /** Signs privacy-request certificates (PRIVACY_CERTIFICATE_KEYS). */
  privacyCertificateKeys: string;
  /** The Dovecot password of npm start's demo mailbox (IMAP; the catcher takes any SMTP login). */
  demoMailboxPassword: string;
  /** Signs the console's session cookie (CONSOLE_SESSION_SECRET). */
  consoleSessionSecret: string;
  /** The console password of npm start's demo admin (only its argon2id hash is in the database). */
  demoAdminPassword: string;
  demoApiKey?: string;
  demoAccountId?: string;
}

const randomKey = () => randomBytes(32).toString('base64');

/** Each key that a secrets file lacks (one written by an older version) is made and added. */
const GENERATED: Record<keyof Omit<DevSecrets, 'demoApiKey' | 'demoAccountId'>, () => string> = {
  vaultMasterKeys: () => `dev1:${randomKey()}`,
  temporalPayloadKeys: () => `dev1:${randomKey()}`,
  tokenSigningKeys: () => `dev1:${randomKey()}`,
  // A single key with no id: the hashes it makes must never change.
  suppressionHashKey: randomKey,
  privacyCertificateKeys: () => `dev1:${randomKey()}`,
  // Goes into Dovecot's passwd-file: base64url has no ':' or line break.
  demoMailboxPassword: () => randomBytes(18).toString('base64url'),
  consoleSessionSecret: () => randomBytes(32).toString('base64url'),
  demoAdminPassword: () => randomBytes(18).toString('base64url'),
};

export function loadDevSecrets(file: string): DevSecrets {
  const stored: Partial<DevSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets = { ...stored } as DevSecrets;
  let changed = false;
  for (const [name, generate] of Object.entries(GENERATED) as [keyof typeof GENERATED, () => string][]) {
    if (secrets[name]) continue;
    secrets[name] = generate();
    changed = true;
  }
  if (changed) saveDevSecrets(file, secrets);
  return secrets;
}

export function saveDevSecrets(file: string, secrets: DevSecrets): void {
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
}
