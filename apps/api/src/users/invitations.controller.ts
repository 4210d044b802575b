import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags,
} from '@nestjs/swagger';
import { Caller } from '../auth/account-id.decorator';
import { Public } from '../auth/public.decorator';
import { CreatedApiKeyDto } from '../api-keys/dto/api-key.dto';
import type { AuthContext } from '../common/api-request';
import { ApiErrors } from '../common/api-errors.decorator';
import { ClientIp } from '../common/client-ip.decorator';
import { PageQuery } from '../common/page-query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Idempotent } from '../idempotency/idempotent.decorator';
import {
  AcceptInvitationDto, CreateInvitationDto, InvitationDto, InvitationPageDto, JoinedAccountDto,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

const INVITATION_EXAMPLE = {
  id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', email: 'grace@acme.example', role: 'member',
  invitedByUserId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9', expiresAt: '2026-12-14T09:30:00.000Z', createdAt: '2026-12-07T09:30:00.000Z',
};

@ApiTags('invitations')
@Controller('v1/invitations')
export class InvitationsController {
  constructor(@Inject(InvitationsService) private readonly invitations: InvitationsService) {}

  @Post()
  @HttpCode(201)
  @Idempotent()
  @ApiBearerAuth('api-key')
  @ApiOperation({
    summary: 'Invite someone by email (owners only): a single-use token is mailed to them',
    description: 'Inviting an address again renews its invitation: a new token, a new expiry (INVITATION_TTL), the old token stops working.',
  })
  @ApiCreatedResponse({ type: InvitationDto, example: INVITATION_EXAMPLE })
  @ApiErrors(400, 401, 403, 409, 503)
  async create(@Caller() caller: AuthContext, @Body() body: CreateInvitationDto): Promise<InvitationDto> {
    return InvitationDto.from(await this.invitations.invite(caller, body));
  }

  @Get()
  @ApiBearerAuth('api-key')
  @ApiOperation({ summary: 'List pending invitations, newest first (owners only)' })
  @ApiOkResponse({ type: InvitationPageDto, example: { data: [INVITATION_EXAMPLE], nextCursor: null } })
  @ApiErrors(400, 401, 403)
  async list(@Caller() caller: AuthContext, @Query() query: PageQuery): Promise<InvitationPageDto> {
    const { items, nextCursor } = await this.invitations.list(caller, query);
    return { data: items.map((invitation) => InvitationDto.from(invitation)), nextCursor };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth('api-key')
  @ApiOperation({ summary: 'Withdraw a pending invitation (owners only): its token stops working' })
  @ApiParam({ name: 'id', format: 'uuid', example: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d' })
  @ApiNoContentResponse({ description: 'Withdrawn' })
  @ApiErrors(400, 401, 403, 404)
  async withdraw(@Caller() caller: AuthContext, @Param('id', ParseIdPipe) id: string): Promise<void> {
    await this.invitations.withdraw(caller, id);
  }

  @Post('accept')
  @HttpCode(201)
  @Public()
  @ApiOperation({
    summary: 'Accept an invitation with the mailed token: you become a user and get your first API key (shown once)',
    description: '400 for a token that names nothing (replaced, withdrawn or used), 410 for an expired one. Braked per IP address.',
  })
  @ApiCreatedResponse({
    type: JoinedAccountDto,
    example: {
      accountId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', userId: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e',
      apiKey: {
        id: '9b2f7c1e-3d4a-4e5f-8a6b-7c8d9e0f1a2b', name: 'first key', prefix: 'rl_live_Xk3a', userId: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e',
        createdAt: '2026-12-07T09:30:00.000Z', lastUsedAt: null, revokedAt: null, key: 'rl_live_Xk3aQ9mB7vL2pR8sT4wY6zC1dF5gH0jK',
      },
    },
  })
  @ApiErrors(400, 409, 410, 429)
  async accept(@Body() body: AcceptInvitationDto, @ClientIp() ip: string): Promise<JoinedAccountDto> {
    const { accountId, userId, created } = await this.invitations.accept(body.token, body.name, ip);
    return { accountId, userId, apiKey: CreatedApiKeyDto.fromCreated(created) };
  }
}
