import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ClientIp } from '../common/client-ip.decorator';
import { CreatedApiKeyDto } from '../api-keys/dto/api-key.dto';
import { JoinedAccountDto } from '../users/dto/invitation.dto';
import { CreateSignupDto, SignupAcceptedDto, VerifySignupDto } from './dto/signup.dto';
import { SignupsService } from './signups.service';

const ACCEPTED = 'If this address can sign up, a confirmation token was mailed to it.';

/** Creating a workspace without an account: no API key, braked per IP address and per email address. */
@ApiTags('signups')
@Public()
@ApiErrors(400, 429)
@Controller('v1/signups')
export class SignupsController {
  constructor(@Inject(SignupsService) private readonly signups: SignupsService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Sign up: a single-use confirmation token is mailed to the address',
    description:
      'The same 202 for every address, known to Relance or not. Signing up again with the same address ' +
      'replaces the token (only the newest works). The token expires after SIGNUP_TOKEN_TTL (24 hours by default).',
  })
  @ApiAcceptedResponse({ type: SignupAcceptedDto, description: 'Mailed (or not: the answer does not say)', example: { message: ACCEPTED } })
  @ApiErrors(503)
  async create(@Body() body: CreateSignupDto, @ClientIp() ip: string): Promise<SignupAcceptedDto> {
    await this.signups.request(body, ip);
    return { message: ACCEPTED };
  }

  @Post('verify')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Confirm a sign-up: creates the workspace, you as its owner, and your first API key (shown once)',
    description: '400 for a token that names nothing (a replaced one included), 409 for one used already, 410 for an expired one.',
  })
  @ApiCreatedResponse({
    type: JoinedAccountDto,
    description: 'Created; `apiKey.key` is shown this once',
    example: {
      accountId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d', userId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
      apiKey: {
        id: '9b2f7c1e-3d4a-4e5f-8a6b-7c8d9e0f1a2b', name: 'first key', prefix: 'rl_live_Xk3a', userId: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
        createdAt: '2026-12-07T09:30:00.000Z', lastUsedAt: null, revokedAt: null, key: 'rl_live_Xk3aQ9mB7vL2pR8sT4wY6zC1dF5gH0jK',
      },
    },
  })
  @ApiErrors(409, 410)
  async verify(@Body() body: VerifySignupDto, @ClientIp() ip: string): Promise<JoinedAccountDto> {
    const { accountId, userId, created } = await this.signups.verify(body.token, ip);
    return { accountId, userId, apiKey: CreatedApiKeyDto.fromCreated(created) };
  }
}
