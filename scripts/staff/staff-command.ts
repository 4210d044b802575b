import { parseArgs } from 'node:util';
import { isEmail } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@relance/db/entities/staff-user.entity';
import { normaliseEmail } from '@relance/mail/email-address';

/** What `npm run staff -- …` was asked to do, once its arguments are checked. */
export type StaffCommand =
  | { kind: 'create'; email: string; name: string; role: StaffRole }
  /** An admin who signs in to the console with a password (generated and printed, or read from stdin). */
  | { kind: 'create-admin'; email: string; name: string; passwordFromStdin: boolean }
  | { kind: 'set-password'; email: string; passwordFromStdin: boolean }
  | { kind: 'unlock'; email: string }
  | { kind: 'list' }
  | { kind: 'disable'; email: string }
  | { kind: 'token'; email: string }
  | { kind: 'revoke-token'; tokenId: string }
  | { kind: 'help' };

/** Bad arguments: the message names what is wrong; the CLI prints it with the usage. */
export class StaffUsageError extends Error {
  override readonly name = 'StaffUsageError';
}

export const STAFF_USAGE = `usage: npm run staff -- <command> [options]

  create --email <address> --name <display name> --role <${STAFF_ROLES.join('|')}>
         creates a staff member and prints their first staff token (shown once)
  create-admin <address> [--name <display name>] [--password-stdin]
         creates an admin who signs in to the console with a password: a one-time
         password is printed (shown once), or the first line of stdin is used
  set-password --email <address> [--password-stdin]
         sets a member's console password (printed once, or read from stdin); clears a lockout
  unlock --email <address>
         lifts a console lockout (after 5 wrong passwords) before it expires
  list   lists staff members (id, email, name, role, created, disabled)
  disable --email <address>
         disables a staff member and revokes every token they hold
  token --email <address>
         issues a new staff token for an enabled member (shown once)
  revoke-token --id <token id>
         revokes one token (its id is printed when it is issued)
`;

const OPTIONS = {
  email: { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  id: { type: 'string' },
  'password-stdin': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const ALLOWED: Record<Exclude<StaffCommand['kind'], 'help'>, readonly string[]> = {
  create: ['email', 'name', 'role'],
  'create-admin': ['name', 'password-stdin'],
  'set-password': ['email', 'password-stdin'],
  unlock: ['email'],
  list: [],
  disable: ['email'],
  token: ['email'],
  'revoke-token': ['id'],
};

const COMMANDS = 'create, create-admin, set-password, unlock, list, disable, token, revoke-token';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseStaffCommand(argv: readonly string[]): StaffCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new StaffUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { kind: 'help' };
  const [kind, ...extra] = positionals;
  if (!kind) throw new StaffUsageError(`a command is required (${COMMANDS})`);
  if (!(kind in ALLOWED)) throw new StaffUsageError(`unknown command "${kind}" (${COMMANDS})`);
  // create-admin takes its address as its one argument: `create-admin ada@example.com`.
  const positional = kind === 'create-admin' ? 1 : 0;
  if (extra.length > positional) throw new StaffUsageError(`unexpected argument "${extra[positional]}"`);
  const allowed = ALLOWED[kind as keyof typeof ALLOWED];
  const stray = Object.keys(values).filter((option) => !allowed.includes(option));
  if (stray.length > 0) throw new StaffUsageError(`${kind} does not take --${stray[0]}`);

  switch (kind) {
    case 'create':
      return { kind, email: email(values.email), name: displayName(values.name), role: role(values.role) };
    case 'create-admin':
      if (extra[0] === undefined) throw new StaffUsageError('create-admin needs the admin\'s address: create-admin <address>');
      return {
        kind, email: email(extra[0], 'the address'), name: values.name === undefined ? 'Admin' : displayName(values.name),
        passwordFromStdin: values['password-stdin'] === true,
      };
    case 'set-password':
      return { kind, email: email(values.email), passwordFromStdin: values['password-stdin'] === true };
    case 'unlock':
      return { kind, email: email(values.email) };
    case 'list':
      return { kind };
    case 'disable':
    case 'token':
      return { kind, email: email(values.email) };
    default:
      if (!values.id) throw new StaffUsageError('--id is required (the token id printed when it was issued)');
      if (!UUID.test(values.id)) throw new StaffUsageError(`--id must be a token id (a uuid), not "${values.id}"`);
      return { kind: 'revoke-token', tokenId: values.id.toLowerCase() };
  }
}

function email(value: string | undefined, what = '--email'): string {
  if (value === undefined || value.trim() === '') throw new StaffUsageError(`${what} is required`);
  const normalised = normaliseEmail(value);
  if (!isEmail(normalised)) throw new StaffUsageError(`${what} must be an email address, not "${value}"`);
  return normalised;
}

function displayName(value: string | undefined): string {
  const name = value?.trim() ?? '';
  if (name === '') throw new StaffUsageError('--name is required (the name shown in the console and the audit trail)');
  if (name.length > 200 || /[\r\n]/.test(name)) throw new StaffUsageError('--name must be one line of at most 200 characters');
  return name;
}

function role(value: string | undefined): StaffRole {
  if (value === undefined) throw new StaffUsageError(`--role is required (${STAFF_ROLES.join(', ')})`);
  if (!(STAFF_ROLES as readonly string[]).includes(value)) {
    throw new StaffUsageError(`--role must be one of ${STAFF_ROLES.join(', ')}, not "${value}"`);
  }
  return value as StaffRole;
}
