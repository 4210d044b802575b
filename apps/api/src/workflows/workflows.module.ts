import { Module } from '@nestjs/common';
import { WorkflowStarter } from './workflow-starter.service';

@Module({ providers: [WorkflowStarter], exports: [WorkflowStarter] })
export class WorkflowsModule {}
