import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole, type StaffUser } from '@relance/db/entities/staff-user.entity';

/** A staff member as staff routes show them (never a token or its hash). */
export class StaffUserDto {
  @ApiProperty({ example: '7e3a9b1c-2d4f-4a6b-8c0d-9e8f7a6b5c4d', format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ada@relance.example' }) email: string;
  @ApiProperty({ example: 'Ada Lovelace' }) displayName: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: StaffRole;
  @ApiProperty({ example: '2026-01-15T09:00:00.000Z', type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ example: '2026-11-30T18:00:00.000Z', type: String, format: 'date-time', nullable: true }) disabledAt: Date | null;

  static from(user: StaffUser): StaffUserDto {
    return {
      id: user.id, email: user.email, displayName: user.displayName, role: user.role,
      createdAt: user.createdAt, disabledAt: user.disabledAt,
    };
  }
}

export class StaffUserPageDto {
  @ApiProperty({ type: [StaffUserDto], description: 'Newest first' }) data: StaffUserDto[];
  @ApiProperty({
    type: String, nullable: true, example: '7e3a9b1c-2d4f-4a6b-8c0d-9e8f7a6b5c4d',
    description: 'Pass as `after` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
