import { isIP } from 'node:net';
import { z } from 'zod';

/** Express's `trust proxy` as TRUST_PROXY gives it: false, true, a hop count, or addresses, subnets and names. */
export type TrustProxy = boolean | number | readonly string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** "false" | "true" | a hop count | a comma-separated list of addresses, subnets and names. */
export const trustProxy = z.string().default('false').transform((text, ctx): TrustProxy => {
  const value = text.trim();
  if (value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !PROXY_NAMES.has(entry) && !isAddressOrSubnet(entry));
  if (bad.length === 0) return entries;
  ctx.addIssue({
    code: 'custom',
    message: `must be false, true, a hop count, or addresses, subnets (10.0.0.0/8) and loopback, linklocal, uniquelocal, comma-separated (not ${bad.map((b) => JSON.stringify(b)).join(', ')})`,
  });
  return z.NEVER;
});

function isAddressOrSubnet(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  const family = isIP(address);
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}
