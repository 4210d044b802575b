import { anonymiseIp } from '@relance/privacy/anonymise-ip';
import { countryOfIp } from '@relance/privacy/ip-country';
import type { TrackingVisitor } from '@relance/db/repositories/tracking.repository';

/** Enough of a user agent to tell mail clients, proxies and scanners apart. */
export const MAX_USER_AGENT_LENGTH = 256;

/**
 * What is kept of whoever fetched a pixel or a link: the network of their address, the country
 * looked up from the full address here in memory, and the start of the user agent. The full
 * address goes no further than this function.
 */
export function trackingVisitor(ip: string | undefined, userAgent: string | undefined): TrackingVisitor {
  const agent = userAgent?.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return {
    ipAnonymised: anonymiseIp(ip),
    country: countryOfIp(ip),
    userAgent: agent ? agent.slice(0, MAX_USER_AGENT_LENGTH) : null,
  };
}
