import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class DisableStaffUserDto {
  @ApiPropertyOptional({ example: 'Left the company on 30 November', maxLength: 1000, description: 'Why: kept in the audit trail (addresses are masked)' })
  @IsOptional() @IsString() @MaxLength(1000)
  reason?: string;
}
