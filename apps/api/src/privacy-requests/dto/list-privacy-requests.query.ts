import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import {
  PRIVACY_REQUEST_STATUSES, PRIVACY_REQUEST_TYPES, type PrivacyRequestStatus, type PrivacyRequestType,
} from '@relance/db/entities/privacy-request.entity';

export class ListPrivacyRequestsQuery {
  @ApiPropertyOptional({ enum: PRIVACY_REQUEST_STATUSES })
  @IsOptional() @IsIn(PRIVACY_REQUEST_STATUSES)
  status?: PrivacyRequestStatus;

  @ApiPropertyOptional({ enum: PRIVACY_REQUEST_TYPES })
  @IsOptional() @IsIn(PRIVACY_REQUEST_TYPES)
  type?: PrivacyRequestType;

  @ApiPropertyOptional({ example: true, description: 'Only verified requests past their due date' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, example: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page', example: '9d4e2a71-0c3b-4f8e-a5d6-1b2c3d4e5f60' })
  @IsOptional() @IsUUID()
  after?: string;
}
