import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { DomainError } from '@relance/errors';
import { isNonPublicAddress } from '@relance/mail/private-address';

/** Where webhook posts may go: MAIL_PRIVATE_HOSTS's policy, https in production, and how names resolve. */
export interface WebhookNetworkPolicy {
  readonly allowPrivateHosts: boolean;
  readonly requireHttps: boolean;
  /** The system resolver unless given. */
  readonly lookup?: (host: string) => Promise<readonly string[]>;
}

/** The URL to post to and the vetted address to connect to (judged and used as is: a DNS answer cannot change in between). */
export interface WebhookTarget {
  readonly url: URL;
  readonly address: string;
  readonly family: 4 | 6;
}

const systemLookup = async (host: string) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

const refused = (message: string) => new DomainError('webhook_url_refused', message, { field: 'url' });

/** The host did not resolve: refused when saving, but only a failed attempt at delivery time (DNS may come back). */
export class UnresolvedWebhookHost extends DomainError {
  constructor(host: string) {
    super('webhook_url_refused', `url's host ${host} does not resolve`, { field: 'url' });
  }
}

/**
 * Checks a webhook URL and resolves its host, as mailbox hosts are: with private hosts denied,
 * a host any of whose addresses is on this machine or a private network is refused. Called when
 * an endpoint is saved and again before every POST (DNS may have changed since).
 */
export async function webhookTarget(raw: string, policy: WebhookNetworkPolicy): Promise<WebhookTarget> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError('validation_failed', 'url must be an absolute http(s) URL', { field: 'url' });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DomainError('validation_failed', `url must be http(s), not ${url.protocol.replace(':', '')}`, { field: 'url' });
  }
  if (url.username || url.password) throw new DomainError('validation_failed', 'url must not carry a user name or password', { field: 'url' });
  if (policy.requireHttps && url.protocol !== 'https:') throw refused('url must be https: this server posts webhooks over https only');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: readonly string[];
  try {
    addresses = isIP(host) ? [host] : await (policy.lookup ?? systemLookup)(host);
  } catch {
    throw new UnresolvedWebhookHost(host);
  }
  if (addresses.length === 0) throw new UnresolvedWebhookHost(host);
  if (!policy.allowPrivateHosts) {
    const inside = addresses.find(isNonPublicAddress);
    if (inside) {
      const where = inside === host ? 'is' : `resolves to ${inside},`;
      throw refused(`url's host ${host} ${where} on this machine or a private network, where this server does not post (its operator can allow it with MAIL_PRIVATE_HOSTS=allow)`);
    }
  }
  return { url, address: addresses[0], family: isIP(addresses[0]) === 6 ? 6 : 4 };
}
