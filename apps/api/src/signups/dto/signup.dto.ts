import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { NormaliseEmail } from '../../common/transforms';
import { IsNotBlank } from '../../common/validators/not-blank';
import { IsSingleLine } from '../../common/validators/single-line';

export class CreateSignupDto {
  @ApiProperty({ example: 'Acme Sales', description: 'The workspace to create' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(200)
  accountName: string;

  @ApiProperty({ example: 'ada@acme.example', description: 'Your address: the confirmation token is mailed there' })
  @NormaliseEmail() @IsEmail() @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Ada Lovelace', description: 'Your name, as your team will see it' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(200)
  name: string;
}

export class VerifySignupDto {
  @ApiProperty({ example: 'q3Vd0xS1m8bR4kT7yW2zA5cE9fH6jL0nP3rU8vX1yZ4', description: 'The token of the confirmation mail' })
  @IsString() @MinLength(1) @MaxLength(200)
  token: string;
}

export class SignupAcceptedDto {
  @ApiProperty({
    example: 'If this address can sign up, a confirmation token was mailed to it.',
    description: 'The same answer for every address, known to Relance or not',
  })
  message: string;
}

export class CreateStaffAccountDto {
  @ApiProperty({ example: 'Acme Sales', description: 'The workspace to create' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(200)
  accountName: string;

  @ApiProperty({ example: 'ada@acme.example', description: 'The owner\'s address: the invitation to set up their key is mailed there' })
  @NormaliseEmail() @IsEmail() @MaxLength(254)
  ownerEmail: string;

  @ApiProperty({ example: 'Ada Lovelace', description: 'The owner\'s name (they may change it when accepting)' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(200)
  ownerName: string;
}

export class StaffCreatedAccountDto {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' }) accountId: string;
  @ApiProperty({ format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9' }) ownerId: string;
  @ApiProperty({ format: 'uuid', example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' }) invitationId: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-14T09:30:00.000Z', description: 'The owner\'s invitation stops working then' })
  invitationExpiresAt: Date;
}
