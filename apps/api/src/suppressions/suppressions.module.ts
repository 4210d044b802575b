import { Module } from '@nestjs/common';
import { SuppressionModule } from '@relance/privacy/suppression.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { SuppressionsController } from './suppressions.controller';
import { SuppressionsService } from './suppressions.service';

@Module({ imports: [SuppressionModule, WorkflowsModule], controllers: [SuppressionsController], providers: [SuppressionsService] })
export class SuppressionsModule {}
