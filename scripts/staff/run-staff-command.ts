import type { StaffUser } from '@relance/db/entities/staff-user.entity';
import type { StaffRepository } from '@relance/db/repositories/staff.repository';
import type { AuditTrail } from '@relance/privacy/audit-trail';
import { StaffLogin } from '@relance/staff/staff-login';
import { generateStaffPassword, hashStaffPassword, passwordProblem } from '@relance/staff/staff-password';
import type { StaffCommand } from './staff-command';

/** A refusal about the data (no such member, already disabled): printed, exit status 1. */
export class StaffCommandError extends Error {
  override readonly name = 'StaffCommandError';
}

/** The command line acts as the system; the trail says which tool, never who typed it (it cannot know). */
const CLI_ACTOR = { kind: 'system', id: null } as const;
const VIA_CLI = { via: 'cli' };

export interface StaffCommandDeps {
  staff: StaffRepository;
  audit: AuditTrail;
  /** The first line of stdin, for --password-stdin. */
  readPassword: () => Promise<string>;
}

/** Runs one checked command; returns what to print. Every change is recorded in the audit trail. */
export async function runStaffCommand(command: Exclude<StaffCommand, { kind: 'help' }>, deps: StaffCommandDeps): Promise<string> {
  const { staff, audit } = deps;
  switch (command.kind) {
    case 'create': {
      const user = await staff.create({ email: command.email, displayName: command.name, role: command.role });
      if (!user) throw new StaffCommandError(`a staff member with --email ${command.email} already exists`);
      await audit.record({ actor: CLI_ACTOR, action: 'staff_user.created', target: { type: 'staff_user', id: user.id }, details: { ...VIA_CLI, role: user.role } });
      const issued = await issue(deps, user);
      return `created staff member ${user.id} (${user.role})\n${issued}`;
    }
    case 'create-admin': {
      const password = await choosePassword(command.passwordFromStdin, deps);
      const user = await staff.create({ email: command.email, displayName: command.name, role: 'admin' });
      if (!user) throw new StaffCommandError(`a staff member with the address ${command.email} already exists (set-password --email … gives them a password)`);
      await audit.record({ actor: CLI_ACTOR, action: 'staff_user.created', target: { type: 'staff_user', id: user.id }, details: { ...VIA_CLI, role: user.role } });
      return `created admin ${user.id}\n${await storePassword(deps, user, password, command.passwordFromStdin)}`;
    }
    case 'set-password': {
      const password = await choosePassword(command.passwordFromStdin, deps);
      const user = await existing(staff, command.email);
      if (user.disabledAt) throw new StaffCommandError(`staff member ${command.email} is disabled: no password can be set`);
      return storePassword(deps, user, password, command.passwordFromStdin);
    }
    case 'unlock': {
      const user = await existing(staff, command.email);
      // Unlocking needs no lockout settings: pass neutral ones.
      const unlocked = await new StaffLogin(staff, audit, { maxFailedLogins: 5, lockoutMs: 0 }).unlock(user.id, CLI_ACTOR, 'cli');
      return unlocked ? `unlocked staff member ${user.id}\n` : `staff member ${user.id} was not locked\n`;
    }
    case 'list':
      return listing(await staff.list());
    case 'disable': {
      const user = await existing(staff, command.email);
      if (!(await staff.disable(user.id))) throw new StaffCommandError(`staff member ${command.email} is already disabled`);
      await audit.record({ actor: CLI_ACTOR, action: 'staff_user.disabled', target: { type: 'staff_user', id: user.id }, details: VIA_CLI });
      return `disabled staff member ${user.id}; their tokens are revoked\n`;
    }
    case 'token': {
      const user = await existing(staff, command.email);
      if (user.disabledAt) throw new StaffCommandError(`staff member ${command.email} is disabled: no token can be issued`);
      return issue(deps, user);
    }
    case 'revoke-token': {
      if (!(await staff.revokeToken(command.tokenId))) {
        throw new StaffCommandError(`no live staff token has --id ${command.tokenId}`);
      }
      await audit.record({ actor: CLI_ACTOR, action: 'staff_token.revoked', target: { type: 'staff_token', id: command.tokenId }, details: VIA_CLI });
      return `revoked staff token ${command.tokenId}\n`;
    }
  }
}

async function existing(staff: StaffRepository, email: string): Promise<StaffUser> {
  const user = await staff.findByEmail(email);
  if (!user) throw new StaffCommandError(`no staff member has --email ${email} (see: npm run staff -- list)`);
  return user;
}

async function issue(deps: { staff: StaffRepository; audit: AuditTrail }, user: StaffUser): Promise<string> {
  const { token, staffToken } = await deps.staff.issueToken(user.id);
  await deps.audit.record({
    actor: CLI_ACTOR, action: 'staff_token.issued', target: { type: 'staff_token', id: staffToken.id },
    details: { ...VIA_CLI, staffUserId: user.id },
  });
  return [
    `token id: ${staffToken.id}`,
    `staff token (shown once, only its hash is kept): ${token}`,
    `use it as: Authorization: Bearer ${token}`,
    '',
  ].join('\n');
}

async function choosePassword(fromStdin: boolean, deps: StaffCommandDeps): Promise<string> {
  if (!fromStdin) return generateStaffPassword();
  const password = await deps.readPassword();
  const problem = passwordProblem(password);
  if (problem) throw new StaffCommandError(`${problem} (read from stdin)`);
  return password;
}

async function storePassword(deps: StaffCommandDeps, user: StaffUser, password: string, fromStdin: boolean): Promise<string> {
  await deps.staff.setPassword(user.id, await hashStaffPassword(password));
  await deps.audit.record({ actor: CLI_ACTOR, action: 'staff_user.password_set', target: { type: 'staff_user', id: user.id }, details: VIA_CLI });
  if (fromStdin) return 'console password set (from stdin)\n';
  return `console password (shown once, only its argon2id hash is kept): ${password}\n`;
}

function listing(users: StaffUser[]): string {
  if (users.length === 0) return 'no staff members yet (create one: npm run staff -- create --email … --name … --role admin)\n';
  const rows = users.map((u) => [u.id, u.email, u.displayName, u.role, u.createdAt.toISOString(), u.disabledAt?.toISOString() ?? '-']);
  const header = ['id', 'email', 'name', 'role', 'created', 'disabled'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map((r) => r.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n') + '\n';
}
