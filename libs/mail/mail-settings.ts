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
