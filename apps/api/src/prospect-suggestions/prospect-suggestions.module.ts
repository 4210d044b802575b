import { Module } from '@nestjs/common';
import { SuppressionModule } from '@relance/privacy/suppression.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { ProspectSuggestionsController } from './prospect-suggestions.controller';
import { ProspectSuggestionsService } from './prospect-suggestions.service';

@Module({
  imports: [SuppressionModule, WorkflowsModule],
  controllers: [ProspectSuggestionsController],
  providers: [ProspectSuggestionsService],
})
export class ProspectSuggestionsModule {}
