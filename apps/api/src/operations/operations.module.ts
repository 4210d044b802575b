import { Module } from '@nestjs/common';
import { RetentionRunRepository } from '@relance/privacy/retention/retention-run.repository';
import { OperationsController } from './operations.controller';
import { OperationsService, WorkflowOverview } from '@relance/operations';

@Module({ controllers: [OperationsController], providers: [OperationsService, WorkflowOverview, RetentionRunRepository] })
export class OperationsModule {}
