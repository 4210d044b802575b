import type { Vault } from '@relance/crypto';

/**
 * A stored answer as the idempotency_keys row holds it: sealed by the vault, never in clear,
 * beside the ids it mentions (not personal on their own), which erasure looks for to delete the
 * answers naming an erased prospect or user (libs/privacy/registry/api.registry.ts).
 */
interface SealedAnswer {
  mentions: string[];
  keyId: string;
  wrappedKey: string;
  ciphertext: string;
}

/**
 * Answers kept for replays may hold what is shown once (an API key, a webhook signing secret):
 * they are sealed with the row's id as context, so a database dump or a copied row reads nothing.
 */
export function sealAnswer(vault: Vault, rowId: string, body: unknown): SealedAnswer {
  const text = JSON.stringify(body ?? null);
  const sealed = vault.seal(text, context(rowId));
  const mentions = [...new Set(text.match(UUID) ?? [])];
  return { mentions, keyId: sealed.keyId, wrappedKey: sealed.wrappedKey.toString('base64'), ciphertext: sealed.ciphertext.toString('base64') };
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
  const { mentions, keyId, wrappedKey, ciphertext } = stored as Record<string, unknown>;
  return Array.isArray(mentions) && typeof keyId === 'string' && typeof wrappedKey === 'string' && typeof ciphertext === 'string'
    && Object.keys(stored).length === 4;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

const context = (rowId: string) => `idempotency-answer:${rowId}`;
