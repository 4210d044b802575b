import type { AppConfig } from '@relance/config';
import type { WebhookNetworkPolicy } from './webhook-url';

/** The operator's rules for webhook URLs: MAIL_PRIVATE_HOSTS's, and https in production. */
export function webhookNetworkPolicy(config: Pick<AppConfig, 'env' | 'mail'>): WebhookNetworkPolicy {
  return { allowPrivateHosts: config.mail.allowPrivateHosts, requireHttps: config.env === 'production' };
}
