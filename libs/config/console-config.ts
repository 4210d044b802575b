import { z } from 'zod';
import { ConfigError } from './config';
import { duration, port, webUrl } from './config-fields';

/**
 * The staff console's own settings (apps/console), read beside the shared AppConfig: the
 * API and the worker never need them, and the console never listens on the API's port.
 */
export interface ConsoleConfig {
  readonly host: string;
  readonly port: number;
  /** Where staff reach the console; https makes the session cookie `secure`. */
  readonly publicUrl: string;
  /** Signs the session cookie (at least 32 characters). */
  readonly sessionSecret: string;
  readonly sessionTtlMs: number;
  readonly secureCookies: boolean;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Password sign-in of staff: read by the console and by `npm run staff` (unlock). */
export interface StaffLoginConfig {
  /** Wrong passwords in a row that lock a member out. */
  readonly maxFailedLogins: number;
  /** How long a lockout lasts, unless an admin unlocks sooner (STAFF_LOCKOUT). */
  readonly lockoutMs: number;
}

const loginSchema = z.object({
  STAFF_LOCKOUT: duration('15m', 1_000),
  STAFF_MAX_FAILED_LOGINS: z.coerce.number().int().min(1).max(100).default(5),
});

const consoleSchema = z.object({
  CONSOLE_HOST: z.string().min(1).default('127.0.0.1'),
  CONSOLE_PORT: port(3100),
  CONSOLE_PUBLIC_URL: webUrl().optional(),
  CONSOLE_SESSION_SECRET: z.string({ error: 'is required (generate one with: npm run keys)' })
    .min(32, 'must be at least 32 characters (generate one with: npm run keys)'),
  CONSOLE_SESSION_TTL: duration('8h', 60_000),
  API_PORT: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export function loadStaffLoginConfig(env: NodeJS.ProcessEnv = process.env): StaffLoginConfig {
  const v = parse(loginSchema, env);
  return Object.freeze({ maxFailedLogins: v.STAFF_MAX_FAILED_LOGINS, lockoutMs: v.STAFF_LOCKOUT });
}

export function loadConsoleConfig(env: NodeJS.ProcessEnv = process.env): ConsoleConfig {
  const v = parse(consoleSchema, env);
  // The console must never share the public API's port (staff screens would face customers).
  if (v.API_PORT !== undefined && Number(v.API_PORT) === v.CONSOLE_PORT && v.CONSOLE_PORT !== 0) {
    throw new ConfigError([`CONSOLE_PORT must differ from API_PORT (${v.API_PORT}): the console never shares the API's port`]);
  }
  const publicUrl = (v.CONSOLE_PUBLIC_URL ?? `http://${v.CONSOLE_HOST}:${v.CONSOLE_PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    host: v.CONSOLE_HOST,
    port: v.CONSOLE_PORT,
    publicUrl,
    sessionSecret: v.CONSOLE_SESSION_SECRET,
    sessionTtlMs: v.CONSOLE_SESSION_TTL,
    secureCookies: publicUrl.startsWith('https://'),
    logLevel: v.LOG_LEVEL,
  });
}

function parse<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.output<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  return parsed.data;
}
