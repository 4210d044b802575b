import { Module } from '@nestjs/common';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { EnrollmentsModule } from '../enrollments/enrollments.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { SequenceControlsController } from './sequence-controls.controller';
import { SequenceControlsService } from './sequence-controls.service';

@Module({
  imports: [WorkflowsModule, CampaignsModule, EnrollmentsModule],
  controllers: [SequenceControlsController],
  providers: [SequenceControlsService],
})
export class SequenceControlsModule {}
