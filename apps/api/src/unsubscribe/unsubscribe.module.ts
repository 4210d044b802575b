import { Module } from '@nestjs/common';
import { SuppressionModule } from '@relance/privacy/suppression.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';

@Module({
  imports: [SuppressionModule, WorkflowsModule],
  controllers: [UnsubscribeController],
  providers: [UnsubscribeService],
})
export class UnsubscribeModule {}
