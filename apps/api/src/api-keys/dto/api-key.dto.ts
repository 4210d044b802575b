import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { ApiKey } from '@relance/db/entities/api-key.entity';
import type { CreatedApiKey } from '@relance/db/repositories/account.repository';
import { IsNotBlank } from '../../common/validators/not-blank';
import { IsSingleLine } from '../../common/validators/single-line';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'CRM sync', description: 'A label to tell your keys apart (1 to 100 characters)' })
  @IsString() @IsNotBlank() @IsSingleLine() @MaxLength(100)
  name: string;
}

/** A key as lists show it: never the key itself, which is shown once, when created. */
export class ApiKeyDto {
  @ApiProperty({ format: 'uuid', example: '9b2f7c1e-3d4a-4e5f-8a6b-7c8d9e0f1a2b' }) id: string;
  @ApiProperty({ example: 'CRM sync' }) name: string;
  @ApiProperty({ example: 'rl_live_Xk3a', description: 'The first characters of the key, to recognise it' }) prefix: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', description: 'The user the key belongs to' })
  userId: string | null;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T09:30:00.000Z' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-07T10:02:00.000Z', description: 'Precise to the minute' })
  lastUsedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null, description: 'When it was revoked; null while it works' })
  revokedAt: Date | null;

  static from(key: ApiKey): ApiKeyDto {
    return {
      id: key.id, name: key.name, prefix: key.prefix, userId: key.userId,
      createdAt: key.createdAt, lastUsedAt: key.lastUsedAt, revokedAt: key.revokedAt,
    };
  }
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    example: 'rl_live_Xk3aQ9mB7vL2pR8sT4wY6zC1dF5gH0jK',
    description: 'The key: shown this once, only its hash is stored. Send it as `Authorization: Bearer <key>`.',
  })
  key: string;

  static fromCreated(created: CreatedApiKey): CreatedApiKeyDto {
    return { ...ApiKeyDto.from(created.apiKey), key: created.key };
  }
}

export class ApiKeyPageDto {
  @ApiProperty({ type: [ApiKeyDto] }) data: ApiKeyDto[];
  @ApiProperty({ type: String, nullable: true, example: null, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}
