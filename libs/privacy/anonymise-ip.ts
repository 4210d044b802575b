import { isIP } from 'node:net';
import ipaddr, { IPv4, IPv6 } from 'ipaddr.js';

/**
 * The network an address belongs to, never the address itself: IPv4 keeps its /24 (last octet
 * zeroed), IPv6 its /48 (what a site is usually given), written in canonical form (RFC 5952).
 * An IPv4 address carried in IPv6 (`::ffff:192.0.2.7`, as dual-stack sockets report it) is
 * treated as the IPv4 address it is. Anything that is not an IP address gives null.
 */
export function anonymiseIp(ip: string | null | undefined): string | null {
  const address = parseIp(ip);
  if (!address) return null;
  return format(
    address instanceof IPv4 ? IPv4.networkAddressFromCIDR(`${address}/24`) : IPv6.networkAddressFromCIDR(`${address}/48`),
  );
}

/**
 * The address as a country lookup wants it: IPv4 for an IPv4-mapped IPv6 address, the zone
 * (`%eth0`) dropped; null when it is not an IP address.
 */
export function normaliseIp(ip: string | null | undefined): string | null {
  const address = parseIp(ip);
  return address && format(address);
}

function parseIp(ip: string | null | undefined): IPv4 | IPv6 | null {
  const text = typeof ip === 'string' ? ip.trim() : '';
  // node:net decides what is an address: ipaddr.js also reads "203.0.113" or "0xcb.0.113.1" as IPv4.
  if (!isIP(text)) return null;
  // process() turns an IPv4-mapped address into IPv4; rebuilt from its bytes, the zone goes.
  return ipaddr.fromByteArray(ipaddr.process(text).toByteArray());
}

function format(address: IPv4 | IPv6): string {
  return address instanceof IPv6 ? address.toRFC5952String() : address.toString();
}
