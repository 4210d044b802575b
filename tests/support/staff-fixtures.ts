import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { StaffRole, StaffUser } from '@relance/db/entities/staff-user.entity';
import { StaffRepository } from '@relance/db/repositories/staff.repository';

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
