import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags,
} from '@nestjs/swagger';
import { Caller } from '../auth/account-id.decorator';
import type { AuthContext } from '../common/api-request';
import { ApiErrors } from '../common/api-errors.decorator';
import { PageQuery } from '../common/page-query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, ApiKeyPageDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

const KEY_EXAMPLE = {
  id: '9b2f7c1e-3d4a-4e5f-8a6b-7c8d9e0f1a2b', name: 'CRM sync', prefix: 'rl_live_Xk3a', userId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
  createdAt: '2026-12-07T09:30:00.000Z', lastUsedAt: '2026-12-07T10:02:00.000Z', revokedAt: null,
};

@ApiTags('api-keys')
@ApiBearerAuth('api-key')
@ApiErrors(401, 403)
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(@Inject(ApiKeysService) private readonly keys: ApiKeysService) {}

  /*
   * Not @Idempotent on purpose: a replayed answer would have to be stored, and this answer is the
   * key itself, which Relance keeps only hashed. A retry makes a second key; revoke the spare one.
   */
  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create an API key for yourself: the key is in this answer only',
    description: 'Keys read `rl_live_` and 32 characters; only their SHA-256 is stored. A key belongs to the account and the user who made it.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto, example: { ...KEY_EXAMPLE, lastUsedAt: null, key: 'rl_live_Xk3aQ9mB7vL2pR8sT4wY6zC1dF5gH0jK' } })
  @ApiErrors(400)
  async create(@Caller() caller: AuthContext, @Body() body: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return CreatedApiKeyDto.fromCreated(await this.keys.create(caller, body.name));
  }

  @Get()
  @ApiOperation({ summary: 'List API keys, newest first: an owner sees the account\'s, a member their own (never the keys themselves)' })
  @ApiOkResponse({ type: ApiKeyPageDto, example: { data: [KEY_EXAMPLE], nextCursor: null } })
  @ApiErrors(400)
  async list(@Caller() caller: AuthContext, @Query() query: PageQuery): Promise<ApiKeyPageDto> {
    const { items, nextCursor } = await this.keys.list(caller, query);
    return { data: items.map((key) => ApiKeyDto.from(key)), nextCursor };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an API key: refused from its next request on',
    description: 'Owners revoke any key of the account, members their own (another user\'s key is a 404 to them). 409 when already revoked.',
  })
  @ApiParam({ name: 'id', format: 'uuid', example: '9b2f7c1e-3d4a-4e5f-8a6b-7c8d9e0f1a2b' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiErrors(400, 404, 409)
  async revoke(@Caller() caller: AuthContext, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.keys.revoke(caller, id);
  }
}
