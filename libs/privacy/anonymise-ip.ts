import { isIPv4, isIPv6 } from 'node:net';

/**
 * The network an address belongs to, never the address itself: IPv4 keeps its /24 (last octet
 * zeroed), IPv6 its /48 (what a site is usually given), written in canonical form (RFC 5952).
 * An IPv4 address carried in IPv6 (`::ffff:192.0.2.7`, as dual-stack sockets report it) is
 * treated as the IPv4 address it is. Anything that is not an IP address gives null.
 */
export function anonymiseIp(ip: string | null | undefined): string | null {
  const address = plainAddress(ip);
  if (!address) return null;
  if (isIPv4(address)) return address.replace(/\.\d+$/, '.0');
  const groups = ipv6Groups(address);
  if (!groups) return null;
  const mapped = mappedIpv4(groups);
  if (mapped) return mapped.replace(/\.\d+$/, '.0');
  return formatIpv6([...groups.slice(0, 3), 0, 0, 0, 0, 0]);
}

/**
 * The address as a country lookup wants it: IPv4 for an IPv4-mapped IPv6 address, the zone
 * (`%eth0`) dropped; null when it is not an IP address.
 */
export function normaliseIp(ip: string | null | undefined): string | null {
  const address = plainAddress(ip);
  if (!address) return null;
  if (isIPv4(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return null;
  return mappedIpv4(groups) ?? formatIpv6(groups);
}

function plainAddress(ip: string | null | undefined): string | null {
  if (typeof ip !== 'string') return null;
  const address = ip.trim().replace(/%[^%]*$/, '');
  return isIPv4(address) || isIPv6(address) ? address : null;
}

/** The eight 16-bit groups of a valid IPv6 address (a dotted IPv4 tail becomes two groups). */
function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  let text = address.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const parse = (part: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** `::ffff:a.b.c.d` → `a.b.c.d`; null for any other IPv6 address. */
function mappedIpv4(groups: number[]): string | null {
  if (groups.slice(0, 5).some((group) => group !== 0) || groups[5] !== 0xffff) return null;
  return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
}

/** RFC 5952: lower-case hex without leading zeros, the longest run of two or more zero groups as `::`. */
function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j += 1;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
