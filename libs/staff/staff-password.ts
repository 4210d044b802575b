import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

/** Shorter passwords are refused when set; a generated one is 24 characters. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** argon2id with the library's defaults (64 MiB, 3 passes): the OWASP-recommended kind. */
export function hashStaffPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

/** False for a wrong password and for a hash that is not an argon2 PHC string. */
export async function verifyStaffPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A one-time password for `npm run staff -- create-admin`: 18 random bytes, base64url. */
export function generateStaffPassword(): string {
  return randomBytes(18).toString('base64url');
}

/** Why a password cannot be set, or null when it can. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `the password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `the password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  if (/[\r\n]/.test(password)) return 'the password must be one line';
  return null;
}

let decoy: Promise<string> | undefined;

/**
 * Verifies against a throwaway hash: an unknown address takes as long to refuse as a wrong
 * password, so timing does not tell which addresses are staff.
 */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashStaffPassword(generateStaffPassword());
  await verifyStaffPassword(await decoy, password);
  return false;
}
