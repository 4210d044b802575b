import { ApiProperty } from '@nestjs/swagger';
import type { User, UserRole } from '@relance/db/entities/user.entity';

export const ROLES: UserRole[] = ['owner', 'member'];

export class UserDto {
  @ApiProperty({ format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9' }) id: string;
  @ApiProperty({ example: 'ada@acme.example' }) email: string;
  @ApiProperty({ example: 'Ada Lovelace' }) name: string;
  @ApiProperty({ enum: ROLES, example: 'member', description: 'Owners manage users, invitations and every key; members their own keys' })
  role: UserRole;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-07T09:30:00.000Z', description: 'When the user proved the address is theirs' })
  emailVerifiedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T09:30:00.000Z' }) createdAt: Date;

  static from(user: User): UserDto {
    return { id: user.id, email: user.email, name: user.name, role: user.role, emailVerifiedAt: user.emailVerifiedAt, createdAt: user.createdAt };
  }
}

export class UserPageDto {
  @ApiProperty({ type: [UserDto] }) data: UserDto[];
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}
