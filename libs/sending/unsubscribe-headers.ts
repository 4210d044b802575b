import type { AppConfig } from '@relance/config';
import type { TokenSigner } from '@relance/crypto/signed-token';

/** Where the API serves unsubscribe links: <API_PUBLIC_URL>/u/<token>. */
export const UNSUBSCRIBE_ROUTE = 'u';

/** The link to the unsubscribe page of one email. */
export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${UNSUBSCRIBE_ROUTE}/${token}`;
}

/**
 * RFC 2369 List-Unsubscribe with RFC 8058 one-click: mail providers (Gmail, Yahoo require it
 * of bulk senders) show an unsubscribe button that POSTs `List-Unsubscribe=One-Click` to the
 * link, with no login and no page to go through.
 */
export function unsubscribeHeaders(publicUrl: string, token: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl(publicUrl, token)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  };
}

/** The headers for outbox message `messageId`, with a fresh token signed for it. */
export async function unsubscribeHeadersFor(
  messageId: string,
  tokens: TokenSigner,
  config: Pick<AppConfig, 'api' | 'tokens'>,
): Promise<Record<string, string>> {
  return unsubscribeHeaders(config.api.publicUrl, await tokens.sign('unsubscribe', messageId, config.tokens.unsubscribeTtlMs));
}
