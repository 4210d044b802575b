import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import type { SuppressionKind } from '@relance/db/entities/suppression.entity';
import { NormaliseEmail } from '../../common/transforms';

export class CheckSuppressionQuery {
  @ApiProperty({ example: 'ada@example.com' })
  @NormaliseEmail() @IsEmail() @MaxLength(254)
  email: string;
}

export class ListSuppressionsQuery {
  @ApiPropertyOptional({ enum: ['email', 'domain'] })
  @IsOptional() @IsIn(['email', 'domain'])
  kind?: SuppressionKind;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, example: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page', example: '9d4e2a71-0c3b-4f8e-a5d6-1b2c3d4e5f60' })
  @IsOptional() @IsUUID()
  after?: string;
}
