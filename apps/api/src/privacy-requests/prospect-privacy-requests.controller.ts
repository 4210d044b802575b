import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId, CallerApiKeyId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ProspectPrivacyRequestDto } from './dto/privacy-request-input.dto';
import { PrivacyRequestDto } from './dto/privacy-request.dto';
import { PrivacyRequestIntake } from './privacy-request-intake.service';
import { Idempotent } from '../idempotency/idempotent.decorator';

/** A customer files a request on behalf of one of its prospects; its key vouches for it (verified at once). */
@ApiTags('privacy-requests')
@ApiBearerAuth('api-key')
@ApiErrors(401)
@Controller('v1/prospects')
export class ProspectPrivacyRequestsController {
  constructor(@Inject(PrivacyRequestIntake) private readonly intake: PrivacyRequestIntake) {}

  @Post(':id/privacy-requests')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({ summary: 'File a privacy request on the prospect\'s behalf (erasure, access, restriction run at once; a rectification with its fields)' })
  @ApiBody({
    type: ProspectPrivacyRequestDto,
    examples: {
      erasure: { summary: 'Erase the prospect', value: { type: 'erasure', message: 'The prospect asked on the phone to be forgotten' } },
      rectification: { summary: 'Correct a field', value: { type: 'rectification', fields: { last_name: 'Lovelace' } } },
    },
  })
  @ApiAcceptedResponse({ type: PrivacyRequestDto })
  @ApiErrors(400, 404)
  async create(
    @AccountId() accountId: string,
    @CallerApiKeyId() apiKeyId: string,
    @Param('id', ParseIdPipe) prospectId: string,
    @Body() body: ProspectPrivacyRequestDto,
  ): Promise<PrivacyRequestDto> {
    return PrivacyRequestDto.from(await this.intake.forProspect(accountId, apiKeyId, prospectId, body), new Date());
  }
}
