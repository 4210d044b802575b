import { isIP } from 'node:net';
import { z } from 'zod';
import { parseDuration } from './duration';
import { parseKeyRing, parseSingleKey } from './master-keys';

/** The variable types of libs/config's schema: each parses and validates one kind of value. */

export const duration = (fallback: string, minMs: number) =>
  z.string().default(fallback).transform((text, ctx) => {
    try {
      const ms = parseDuration(text);
      if (ms < minMs) ctx.addIssue({ code: 'custom', message: `must be at least ${minMs} ms` });
      return ms;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

export const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);

/** "7d,3d,1d": durations, returned largest first. */
export const durationList = (fallback: string) =>
  z.string().default(fallback).transform((text, ctx) => {
    try {
      return text.split(',').map((part) => parseDuration(part.trim())).sort((a, b) => b - a);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

export const keyRing = z.string({ error: 'is required (generate one with: npm run keys)' }).transform((text, ctx) => {
  try {
    return parseKeyRing(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

export const singleKey = z
  .string({ error: 'is required (generate one with: openssl rand -base64 32)' })
  .transform((text, ctx) => {
    try {
      return parseSingleKey(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

export const port = (fallback: number) =>
  z.string().regex(/^\d{1,5}$/, 'must be a port number (0-65535)').default(String(fallback))
    .transform(Number).refine((n) => n <= 65_535, 'must be a port number (0-65535)');
export const url = (message: string) => z.string({ error: message }).url({ message: 'must be a URL' });
export const webUrl = () => z.string().refine(isWebUrl, 'must be an http(s) URL');

function isWebUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** "false" | "true" | a hop count | a comma-separated list of addresses, subnets and names. */
export const trustProxy = z.string().default('false').transform((text, ctx): boolean | number | readonly string[] => {
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

/**
 * A bearer token an operator chooses (METRICS_TOKEN): unset or empty means none. Long enough
 * that guessing it is hopeless, and printable so it fits a header.
 */
export const optionalToken = z.preprocess(
  blankAsUnset,
  z.string().regex(/^[\x21-\x7e]{16,256}$/, 'must be 16 to 256 printable characters without spaces').optional(),
);


/** "https://a.example,http://127.0.0.1:8233": browser origins (scheme, host, port; no path). */
export const webOrigins = z.string().transform((text, ctx) => {
  const origins = text.split(',').map((part) => part.trim()).filter(Boolean);
  const bad = origins.filter((origin) => !isWebUrl(origin) || new URL(origin).origin !== origin.replace(/\/$/, ''));
  if (origins.length > 0 && bad.length === 0) return origins.map((origin) => new URL(origin).origin);
  ctx.addIssue({ code: 'custom', message: `must be http(s) origins like http://127.0.0.1:8233, comma-separated, without a path (not ${bad.map((b) => JSON.stringify(b)).join(', ') || 'empty'})` });
  return z.NEVER;
});
