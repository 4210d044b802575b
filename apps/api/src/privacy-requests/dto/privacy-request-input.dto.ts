import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmptyObject, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PRIVACY_REQUEST_TYPES, type PrivacyRequestType } from '@relance/db/entities/privacy-request.entity';
import { WITHOUT_INVISIBLE_CHARACTERS } from '@relance/mail/email-address';
import { RECTIFIABLE_FIELDS } from '@relance/privacy/requests';
import { NormaliseEmail } from '../../common/transforms';
import { IsNotBlank } from '../../common/validators/not-blank';

const FIELDS_DESCRIPTION = `Prospect fields to set, by name (${RECTIFIABLE_FIELDS.join(', ')}); null clears one`;

/** A request from a member of the public, without an account. */
export class PublicPrivacyRequestDto {
  @ApiProperty({ example: 'ada@example.com', description: 'Your address: the confirmation link and the answer go there' })
  @NormaliseEmail() @IsEmail() @MaxLength(254)
  @Matches(WITHOUT_INVISIBLE_CHARACTERS, { message: 'email must not contain invisible characters (zero-width spaces or joiners)' })
  email: string;

  @ApiProperty({ enum: PRIVACY_REQUEST_TYPES })
  @IsIn(PRIVACY_REQUEST_TYPES)
  type: PrivacyRequestType;

  @ApiPropertyOptional({ example: 'Please delete everything you hold about me.', maxLength: 5000, description: 'What you ask, in your words (for a rectification: what is wrong)' })
  @IsOptional() @IsString() @MaxLength(5000)
  message?: string;
}

/** A request a customer files on behalf of one of its prospects (verified by the customer's key). */
export class ProspectPrivacyRequestDto {
  @ApiProperty({ enum: PRIVACY_REQUEST_TYPES })
  @IsIn(PRIVACY_REQUEST_TYPES)
  type: PrivacyRequestType;

  @ApiPropertyOptional({ example: 'The prospect asked on the phone to be forgotten', maxLength: 5000 })
  @IsOptional() @IsString() @MaxLength(5000)
  message?: string;

  @ApiPropertyOptional({ description: FIELDS_DESCRIPTION, example: { last_name: 'Lovelace' } })
  @IsOptional() @IsObject()
  fields?: Record<string, unknown>;
}

/**
 * A request staff file for someone who wrote to support: about a rep of an account (`user`), a
 * prospect, or whoever holds an address. With `verificationReason` staff vouch for the identity
 * at once; without it, the subject's address gets the confirmation link.
 */
export class StaffPrivacyRequestDto {
  @ApiProperty({ enum: PRIVACY_REQUEST_TYPES })
  @IsIn(PRIVACY_REQUEST_TYPES)
  type: PrivacyRequestType;

  @ApiProperty({ enum: ['user', 'prospect', 'email'], description: 'Whom it is about' })
  @IsIn(['user', 'prospect', 'email'])
  subject: 'user' | 'prospect' | 'email';

  @ApiPropertyOptional({ example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f', description: 'The account (required for a user or a prospect; for an address, limits the request to it)' })
  @ValidateIf((dto: StaffPrivacyRequestDto) => dto.subject !== 'email' || dto.accountId !== undefined) @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ example: '7e3a9b1c-2d4f-4a6b-8c0d-9e8f7a6b5c4d', description: 'The rep, for subject `user`' })
  @ValidateIf((dto: StaffPrivacyRequestDto) => dto.subject === 'user') @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ example: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f', description: 'The prospect, for subject `prospect`' })
  @ValidateIf((dto: StaffPrivacyRequestDto) => dto.subject === 'prospect') @IsUUID()
  prospectId?: string;

  @ApiPropertyOptional({ example: 'ada@example.com', description: 'The address, for subject `email`' })
  @ValidateIf((dto: StaffPrivacyRequestDto) => dto.subject === 'email')
  @NormaliseEmail() @IsEmail() @MaxLength(254)
  @Matches(WITHOUT_INVISIBLE_CHARACTERS, { message: 'email must not contain invisible characters (zero-width spaces or joiners)' })
  email?: string;

  @ApiPropertyOptional({ example: 'I want a copy of my data.', maxLength: 5000, description: 'What the person asked, in their words' })
  @IsOptional() @IsString() @MaxLength(5000)
  message?: string;

  @ApiPropertyOptional({ example: 'Called back on the number of the signed contract', maxLength: 1000, description: 'How staff verified who asked (kept in the audit trail); omit to mail the confirmation link' })
  @IsOptional() @IsString() @IsNotBlank() @MaxLength(1000)
  verificationReason?: string;
}

export class StaffReasonDto {
  @ApiProperty({ example: 'Identity confirmed by a call-back to the account owner', maxLength: 1000, description: 'Why: kept in the audit trail (addresses are masked)' })
  @IsString() @IsNotBlank() @MaxLength(1000)
  reason: string;
}

export class RectifyFieldsDto {
  @ApiProperty({ description: FIELDS_DESCRIPTION, example: { first_name: 'Ada' } })
  @IsObject() @IsNotEmptyObject()
  fields: Record<string, unknown>;
}

export class CertificateCheckDto {
  @ApiProperty({ example: 'eyJhbGciOiJFZERTQSJ9.eyJyZXF1ZXN0SWQiOiIuLi4ifQ.c2lnbmF0dXJl', description: 'The certificate as mailed (compact JWS)' })
  @IsString() @MaxLength(20_000)
  certificate: string;
}
