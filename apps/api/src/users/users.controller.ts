import { Controller, Delete, Get, HttpCode, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Caller } from '../auth/account-id.decorator';
import type { AuthContext } from '../common/api-request';
import { ApiErrors } from '../common/api-errors.decorator';
import { PageQuery } from '../common/page-query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { UserDto, UserPageDto } from './dto/user.dto';
import { UsersService } from './users.service';

const USER_EXAMPLE = {
  id: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', email: 'ada@acme.example', name: 'Ada Lovelace', role: 'owner',
  emailVerifiedAt: '2026-12-07T09:30:00.000Z', createdAt: '2026-12-07T09:30:00.000Z',
};

@ApiTags('users')
@ApiBearerAuth('api-key')
@ApiErrors(401, 403)
@Controller('v1/users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List the account\'s users, oldest first, a page at a time (any user\'s key)' })
  @ApiOkResponse({ type: UserPageDto, example: { data: [USER_EXAMPLE], nextCursor: null } })
  @ApiErrors(400)
  async list(@Caller() caller: AuthContext, @Query() query: PageQuery): Promise<UserPageDto> {
    const { items, nextCursor } = await this.users.list(caller, query);
    return { data: items.map((user) => UserDto.from(user)), nextCursor };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a user (owners only): their keys are revoked at once',
    description: 'The account\'s last owner cannot be removed (409). Prospects and mailboxes they owned stay with the account.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 404, 409)
  async remove(@Caller() caller: AuthContext, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.users.remove(caller, id);
  }
}
