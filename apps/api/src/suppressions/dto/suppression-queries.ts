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

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page' })
  @IsOptional() @IsUUID()
  after?: string;
}
