import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { StaffRole, StaffUser } from '@relance/db/entities/staff-user.entity';
import { StaffRepository } from '@relance/db/repositories/staff.repository';
import { hashStaffPassword } from '@relance/staff/staff-password';

export interface TestStaffMember {
  user: StaffUser;
  /** A live staff token of theirs. */
  token: string;
  tokenId: string;
}

/** A staff member with a token, as `npm run staff -- create` makes one (its own test runs the command). */
export async function newStaffMember(dataSource: DataSource, role: StaffRole): Promise<TestStaffMember> {
  const staff = new StaffRepository(dataSource);
  const user = await staff.create({ email: `staff-${randomUUID()}@relance.test`, displayName: `Test ${role}`, role });
  if (!user) throw new Error('a fresh staff address collided');
  const { token, staffToken } = await staff.issueToken(user.id);
  return { user, token, tokenId: staffToken.id };
}

/** A staff member who signs in to the console with `password` (as `npm run staff -- set-password` sets it). */
export async function newConsoleMember(dataSource: DataSource, role: StaffRole, password: string): Promise<{ user: StaffUser; email: string; password: string }> {
  const staff = new StaffRepository(dataSource);
  const email = `console-${role}-${randomUUID()}@relance.test`;
  const user = await staff.create({ email, displayName: `Console ${role}`, role });
  if (!user) throw new Error('a fresh staff address collided');
  await staff.setPassword(user.id, await hashStaffPassword(password));
  return { user, email, password };
}
