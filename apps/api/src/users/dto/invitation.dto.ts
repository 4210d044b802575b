import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import type { Invitation } from '@relance/db/entities/invitation.entity';
import type { UserRole } from '@relance/db/entities/user.entity';
import { NormaliseEmail } from '../../common/transforms';
import { IsNotBlank } from '../../common/validators/not-blank';
import { IsSingleLine } from '../../common/validators/single-line';
import { CreatedApiKeyDto } from '../../api-keys/dto/api-key.dto';
import { ROLES } from './user.dto';

export class CreateInvitationDto {
  @ApiProperty({ example: 'grace@acme.example', description: 'Where the invitation is mailed' })
  @NormaliseEmail() @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES, example: 'member' })
  @IsIn(ROLES)
  role: UserRole;
}

export class AcceptInvitationDto {
  @ApiProperty({ example: 'q3Vd0xS1m8bR4kT7yW2zA5cE9fH6jL0nP3rU8vX1yZ4', description: 'The token of the invitation mail' })
  @IsString() @MinLength(1) @MaxLength(200)
  token: string;

  @ApiProperty({ example: 'Grace Hopper', description: 'Your name, as your team will see it' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(200)
  name: string;
}

/** A pending invitation (accepted ones become users). Its token is only ever in the mail. */
export class InvitationDto {
  @ApiProperty({ format: 'uuid', example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' }) id: string;
  @ApiProperty({ example: 'grace@acme.example' }) email: string;
  @ApiProperty({ enum: ROLES, example: 'member' }) role: UserRole;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', description: 'The owner who invited; null when Relance staff did' })
  invitedByUserId: string | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-14T09:30:00.000Z', description: 'The token stops working then' })
  expiresAt: Date;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T09:30:00.000Z' }) createdAt: Date;

  static from(invitation: Invitation): InvitationDto {
    return {
      id: invitation.id, email: invitation.email, role: invitation.role, invitedByUserId: invitation.invitedByUserId,
      expiresAt: invitation.expiresAt, createdAt: invitation.createdAt,
    };
  }
}

export class InvitationPageDto {
  @ApiProperty({ type: [InvitationDto] }) data: InvitationDto[];
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}

/** What accepting an invitation or confirming a sign-up gives: who you are, and your first key (shown once). */
export class JoinedAccountDto {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }) accountId: string;
  @ApiProperty({ format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9' }) userId: string;
  @ApiProperty({ type: CreatedApiKeyDto }) apiKey: CreatedApiKeyDto;
}
