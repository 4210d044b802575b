import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateSuppressionDto } from './dto/create-suppression.dto';
import { CheckSuppressionQuery, ListSuppressionsQuery } from './dto/suppression-queries';
import { SuppressionCheckDto, SuppressionDto, SuppressionPageDto } from './dto/suppression.dto';
import { SuppressionsService } from './suppressions.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

@ApiTags('suppressions')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400)
@Controller('v1/suppressions')
export class SuppressionsController {
  constructor(@Inject(SuppressionsService) private readonly suppressions: SuppressionsService) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Suppress an address or a domain',
    description:
      'Nothing more is sent to it from this account, including steps already scheduled. Idempotent: ' +
      'an entry the account already has is returned with 200.',
  })
  // An address or a domain, never both: an example of each.
  @ApiBody({
    type: CreateSuppressionDto,
    examples: {
      address: { summary: 'An address', value: { email: 'ada@example.com' } },
      domain: { summary: 'A domain and its subdomains', value: { domain: 'example.com' } },
    },
  })
  @ApiCreatedResponse({ type: SuppressionDto, description: 'Added' })
  @ApiOkResponse({ type: SuppressionDto, description: 'Already suppressed: the existing entry' })
  async create(
    @AccountId() accountId: string,
    @Body() body: CreateSuppressionDto,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<SuppressionDto> {
    const { suppression, created } = await this.suppressions.add(accountId, body);
    if (!created) response.statusCode = 200;
    return SuppressionDto.from(suppression);
  }

  @Get('check')
  @ApiOperation({ summary: 'Is this address suppressed (by itself or by its domain)?' })
  @ApiOkResponse({ type: SuppressionCheckDto })
  async check(@AccountId() accountId: string, @Query() query: CheckSuppressionQuery): Promise<SuppressionCheckDto> {
    const { suppressed, suppression } = await this.suppressions.check(accountId, query.email);
    if (!suppression) return { suppressed };
    return {
      suppressed,
      id: suppression.id,
      kind: suppression.kind,
      reason: suppression.reason,
      ...(suppression.domain ? { domain: suppression.domain } : {}),
    };
  }

  @Get()
  @ApiOperation({ summary: 'List the suppressions, newest first, a page at a time' })
  @ApiOkResponse({ type: SuppressionPageDto })
  async list(@AccountId() accountId: string, @Query() query: ListSuppressionsQuery): Promise<SuppressionPageDto> {
    const { items, nextCursor } = await this.suppressions.list(accountId, query);
    return { data: items.map((s) => SuppressionDto.from(s)), nextCursor };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a suppression',
    description: "409 for an unsubscribe or a complaint: those are the person's own request.",
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(404, 409)
  async remove(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.suppressions.remove(accountId, id);
  }
}
