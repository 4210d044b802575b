import type { Vault } from '@relance/crypto';

/** A stored answer as the idempotency_keys row holds it: sealed by the vault, never in clear. */
interface SealedAnswer {
  keyId: string;
  wrappedKey: string;
  ciphertext: string;
}

/**
 * Answers kept for replays may hold what is shown once (an API key, a webhook signing secret):
 * they are sealed with the row's id as context, so a database dump or a copied row reads nothing.
 */
export function sealAnswer(vault: Vault, rowId: string, body: unknown): SealedAnswer {
  const sealed = vault.seal(JSON.stringify(body ?? null), context(rowId));
  return { keyId: sealed.keyId, wrappedKey: sealed.wrappedKey.toString('base64'), ciphertext: sealed.ciphertext.toString('base64') };
}

/** The answer in clear; one stored before answers were sealed (kept 24 h at most) is returned as it is. */
export function openAnswer(vault: Vault, rowId: string, stored: unknown): unknown {
  if (!isSealed(stored)) return stored;
  const sealed = stored;
  const plaintext = vault.open(
    { keyId: sealed.keyId, wrappedKey: Buffer.from(sealed.wrappedKey, 'base64'), ciphertext: Buffer.from(sealed.ciphertext, 'base64') },
    context(rowId),
  );
  return JSON.parse(plaintext);
}

function isSealed(stored: unknown): stored is SealedAnswer {
  if (typeof stored !== 'object' || stored === null) return false;
  const { keyId, wrappedKey, ciphertext } = stored as Record<string, unknown>;
  return typeof keyId === 'string' && typeof wrappedKey === 'string' && typeof ciphertext === 'string' && Object.keys(stored).length === 3;
}

const context = (rowId: string) => `idempotency-answer:${rowId}`;
