import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { ProspectSuggestionStatus } from '@relance/db/entities/prospect-suggestion.entity';

export class ListProspectSuggestionsQuery {
  @ApiPropertyOptional({ enum: ['pending', 'accepted', 'dismissed'], description: 'Only these; all when absent' })
  @IsOptional() @IsIn(['pending', 'accepted', 'dismissed'])
  status?: ProspectSuggestionStatus;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, example: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page', example: '9d4e2a71-0c3b-4f8e-a5d6-1b2c3d4e5f60' })
  @IsOptional() @IsUUID()
  after?: string;
}

export class AcceptSuggestionDto {
  @ApiPropertyOptional({ example: true,
    default: true,
    description: "Enroll the new prospect in the suggestion's campaign (the default); false only creates the prospect",
  })
  @IsOptional() @IsBoolean()
  enroll?: boolean;
}
