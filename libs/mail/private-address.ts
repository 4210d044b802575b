import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses that are not the public internet: this machine, private and carrier-grade NAT
 * networks, link-local (where clouds serve instance metadata), multicast and reserved ranges.
 * A tenant who may name any SMTP or IMAP host could otherwise make Relance probe them.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** True for an IP literal outside the public internet (IPv4-mapped IPv6 judged by its IPv4). */
export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return NOT_PUBLIC.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 0) return false;
  return NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The first address `host` resolves to that is not public, or null. A name that does not
 * resolve is not judged here: connecting to it fails on its own, with its own message.
 */
export async function nonPublicAddressOf(host: string): Promise<string | null> {
  if (isIP(host)) return isNonPublicAddress(host) ? host : null;
  try {
    const addresses = await lookup(host, { all: true, verbatim: true });
    return addresses.find(({ address }) => isNonPublicAddress(address))?.address ?? null;
  } catch {
    return null;
  }
}
