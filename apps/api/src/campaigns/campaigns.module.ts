import { Module } from '@nestjs/common';
import { BillingModule } from '../billing/billing.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { CampaignEditsService } from './campaign-edits.service';
import { CampaignLaunchService } from './campaign-launch.service';
import { CampaignPreviewService } from './campaign-preview.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

@Module({
  imports: [WorkflowsModule, BillingModule],
  controllers: [CampaignsController],
  providers: [CampaignsService, CampaignLaunchService, CampaignPreviewService, CampaignEditsService],
  exports: [CampaignsService],
})
export class CampaignsModule {}
