import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';

export const MAX_LAUNCH_PROSPECTS = 1_000;

export class LaunchCampaignDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_LAUNCH_PROSPECTS,
    description: 'Enroll only these prospects; every eligible prospect of the account when absent',
  })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_LAUNCH_PROSPECTS) @IsUUID('all', { each: true })
  prospectIds?: string[];
}

export class LaunchAcceptedDto {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ example: 'campaign-launch:6c1f...' }) workflowId: string;
  @ApiProperty({ description: 'Active, unrestricted prospects not yet in the campaign' }) eligibleProspects: number;
}
