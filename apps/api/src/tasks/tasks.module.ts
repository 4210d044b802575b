import { Module } from '@nestjs/common';
import { WorkflowsModule } from '../workflows/workflows.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [WorkflowsModule],
  controllers: [TasksController],
  providers: [TasksService],
})
export class TasksModule {}
