import { randomBytes } from 'node:crypto';
import type { KeyRing } from '@relance/config';
import { decrypt, encrypt } from './aes-gcm';

export interface SealedSecret {
  keyId: string;
  wrappedKey: Buffer;
  ciphertext: Buffer;
}

/**
 * Envelope encryption: each record gets its own data key; the data key is wrapped by the
 * current master key, whose id is stored so older keys keep opening older records.
 * `context` (e.g. the owning row's id) is bound as associated data, so a ciphertext copied
 * onto another row does not open.
 */
export class Vault {
  constructor(private readonly ring: KeyRing) {}

  seal(plaintext: string, context: string): SealedSecret {
    const dataKey = randomBytes(32);
    const keyId = this.ring.currentId;
    return {
      keyId,
      wrappedKey: encrypt(this.masterKey(keyId), dataKey, `${keyId}:${context}`),
      ciphertext: encrypt(dataKey, Buffer.from(plaintext, 'utf8'), context),
    };
  }

  open(secret: SealedSecret, context: string): string {
    const dataKey = decrypt(this.masterKey(secret.keyId), secret.wrappedKey, `${secret.keyId}:${context}`);
    return decrypt(dataKey, secret.ciphertext, context).toString('utf8');
  }

  /** True when the record was sealed under a key that is no longer the current one. */
  needsRewrap(secret: Pick<SealedSecret, 'keyId'>): boolean {
    return secret.keyId !== this.ring.currentId;
  }

  /** Re-wraps the data key under the current master key without touching the ciphertext. */
  rewrap(secret: SealedSecret, context: string): SealedSecret {
    const dataKey = decrypt(this.masterKey(secret.keyId), secret.wrappedKey, `${secret.keyId}:${context}`);
    const keyId = this.ring.currentId;
    return { keyId, wrappedKey: encrypt(this.masterKey(keyId), dataKey, `${keyId}:${context}`), ciphertext: secret.ciphertext };
  }

  private masterKey(keyId: string): Buffer {
    const key = this.ring.keys.get(keyId);
    if (!key) throw new Error(`vault master key "${keyId}" is not configured (VAULT_MASTER_KEYS)`);
    return key;
  }
}
