import { parseArgs } from 'node:util';
import { isEmail } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@relance/db/entities/staff-user.entity';
import { normaliseEmail } from '@relance/mail/email-address';

/** What `npm run staff -- …` was asked to do, once its arguments are checked. */
export type StaffCommand =
  | { kind: 'create'; email: string; name: string; role: StaffRole }
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
  help: { type: 'boolean', short: 'h' },
} as const;

const ALLOWED: Record<Exclude<StaffCommand['kind'], 'help'>, readonly string[]> = {
  create: ['email', 'name', 'role'],
  list: [],
  disable: ['email'],
  token: ['email'],
  'revoke-token': ['id'],
};

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
  if (!kind) throw new StaffUsageError('a command is required (create, list, disable, token, revoke-token)');
  if (!(kind in ALLOWED)) throw new StaffUsageError(`unknown command "${kind}" (create, list, disable, token, revoke-token)`);
  if (extra.length > 0) throw new StaffUsageError(`unexpected argument "${extra[0]}"`);
  const allowed = ALLOWED[kind as keyof typeof ALLOWED];
  const stray = Object.keys(values).filter((option) => !allowed.includes(option));
  if (stray.length > 0) throw new StaffUsageError(`${kind} does not take --${stray[0]}`);

  switch (kind) {
    case 'create':
      return { kind, email: email(values.email), name: displayName(values.name), role: role(values.role) };
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

function email(value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new StaffUsageError('--email is required');
  const normalised = normaliseEmail(value);
  if (!isEmail(normalised)) throw new StaffUsageError(`--email must be an email address, not "${value}"`);
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
