import geoip from 'geoip-country';
import { normaliseIp } from './anonymise-ip';

/**
 * The country (ISO 3166-1 alpha-2) an IP address is registered in, or null (private and
 * loopback ranges, unknown blocks, not an address). The lookup is in memory: the GeoLite2
 * country tables that ship with `geoip-country` (~8 MB, read once when this module loads)
 * are consulted in-process, so the full address never leaves it and is never stored.
 */
export function countryOfIp(ip: string | null | undefined): string | null {
  const address = normaliseIp(ip);
  if (!address) return null;
  const country = geoip.lookup(address)?.country;
  return country && /^[A-Z]{2}$/.test(country) ? country : null;
}
