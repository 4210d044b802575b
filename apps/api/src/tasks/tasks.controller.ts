import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ListTasksQuery } from './dto/list-tasks.query';
import { TaskDto, TaskListDto } from './dto/task.dto';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400)
@Controller('v1/tasks')
export class TasksController {
  constructor(@Inject(TasksService) private readonly tasks: TasksService) {}

  @Get()
  @ApiOperation({ summary: 'List the manual tasks of task steps (e.g. ?status=open), oldest first, a page at a time' })
  @ApiOkResponse({ type: TaskListDto })
  async list(@AccountId() accountId: string, @Query() query: ListTasksQuery): Promise<TaskListDto> {
    const { items, nextCursor } = await this.tasks.list(accountId, query);
    return { data: items.map((task) => TaskDto.from(task)), nextCursor };
  }

  @Post(':id/done')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark an open task done: the prospect's sequence carries on" })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors(404, 409)
  async done(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<TaskDto> {
    return TaskDto.from(await this.tasks.complete(accountId, id, 'done'));
  }

  @Post(':id/skip')
  @HttpCode(200)
  @ApiOperation({ summary: "Skip an open task: the prospect's sequence carries on without it" })
  @ApiOkResponse({ type: TaskDto })
  @ApiErrors(404, 409)
  async skip(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<TaskDto> {
    return TaskDto.from(await this.tasks.complete(accountId, id, 'skipped'));
  }
}
