import { createHash } from 'node:crypto';

/**
 * Connection settings of one mailbox, decrypted from the vault by the caller just before use.
 * `secure` means implicit TLS (ports 465 / 993); when false the client upgrades with STARTTLS
 * if the server offers it.
 */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
}

export interface ImapSettings {
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
}

/**
 * Identifies a version of a mailbox's settings, to tell when a kept connection must be
 * replaced, without keeping the password readable beside it.
 */
export function settingsFingerprint(settings: SmtpSettings | ImapSettings): string {
  const { host, port, secure, username, password } = settings;
  return createHash('sha256').update(JSON.stringify([host, port, secure, username, password])).digest('hex');
}
