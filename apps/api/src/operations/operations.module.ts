import { Module } from '@nestjs/common';
import { RetentionRunRepository } from '@relance/privacy/retention/retention-run.repository';
import { OperationsController } from './operations.controller';
import { OperationsService } from './operations.service';
import { WorkflowOverview } from './workflow-overview';

@Module({ controllers: [OperationsController], providers: [OperationsService, WorkflowOverview, RetentionRunRepository] })
export class OperationsModule {}
