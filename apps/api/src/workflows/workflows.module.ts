import { Module } from '@nestjs/common';
import { EnrollmentSignals } from './enrollment-signals.service';
import { WorkflowStarter } from './workflow-starter.service';

@Module({ providers: [WorkflowStarter, EnrollmentSignals], exports: [WorkflowStarter, EnrollmentSignals] })
export class WorkflowsModule {}
