import type { SealedSecret, Vault } from '@relance/crypto';
import type { WebhookEndpoint } from '@relance/db/entities/webhook-endpoint.entity';

/** The context a secret is sealed under: its endpoint's id, so a ciphertext copied onto another endpoint does not open. */
const context = (endpointId: string) => `webhook-endpoint:${endpointId}`;

export function sealEndpointSecret(vault: Vault, endpointId: string, secret: string): SealedSecret {
  return vault.seal(secret, context(endpointId));
}

export function openEndpointSecret(vault: Vault, endpoint: Pick<WebhookEndpoint, 'id' | 'secretKeyId' | 'secretWrappedKey' | 'secretCiphertext'>): string {
  const sealed = { keyId: endpoint.secretKeyId, wrappedKey: endpoint.secretWrappedKey, ciphertext: endpoint.secretCiphertext };
  return vault.open(sealed, context(endpoint.id));
}
