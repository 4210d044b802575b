import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const DEFAULT_CAMPAIGN_PAGE = 50;

export class ListCampaignsQuery {
  @ApiPropertyOptional({ default: DEFAULT_CAMPAIGN_PAGE, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page' })
  @IsOptional() @IsUUID()
  after?: string;
}
