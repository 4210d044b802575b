import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class SetProviderKeyDto {
  @ApiProperty({
    example: 'c4a5d6e7f8091a2b3c4d5e6f7a8b9c0d1e2f3a4b', minLength: 8, maxLength: 200, writeOnly: true,
    description: 'The provider\'s API key. Stored sealed in the vault; never returned (only its last four characters).',
  })
  @IsString() @MinLength(8) @MaxLength(200) @Matches(/^[\x21-\x7e]+$/, { message: 'apiKey must be printable ASCII without spaces' })
  apiKey: string;
}

export class ProviderKeyDto {
  @ApiProperty({ enum: ['hunter', 'briteverify', 'zerobounce'], example: 'hunter' }) provider: string;
  @ApiProperty({ example: '…3a4b', description: 'The key\'s last four characters' }) hint: string;
  @ApiProperty({ example: '2026-12-01T08:00:00.000Z', format: 'date-time' }) updatedAt: string;
}
