import { BlockList, isIP } from 'node:net';

/**
 * Addresses that are not the public internet: this machine, private and carrier-grade NAT
 * networks, link-local (where clouds serve instance metadata), multicast and reserved ranges.
 * A tenant who may name any SMTP or IMAP host could otherwise make Relance probe them.
 * Node's BlockList judges an IPv4-mapped IPv6 address (::ffff:a.b.c.d, ::ffff:7f00:1) by the
 * IPv4 rules; IPv4-compatible ones (::a.b.c.d, deprecated, never public) fall in ::/96.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], ['100::', 64], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** True for an IP literal outside the public internet; false for public ones and for names. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
