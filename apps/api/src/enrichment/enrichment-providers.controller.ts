import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ProviderKeys, type ProviderName } from '@relance/enrichment';
import { DomainError } from '@relance/errors';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ProviderKeyDto, SetProviderKeyDto } from './dto/provider-key.dto';
import { ParseProviderPipe } from './parse-provider.pipe';

const PROVIDER_PARAM = { name: 'provider', enum: ['hunter', 'briteverify', 'zerobounce'], example: 'hunter' };

@ApiTags('enrichment')
@ApiBearerAuth('api-key')
@ApiErrors(401, 400)
@Controller('v1/enrichment-providers')
export class EnrichmentProvidersController {
  constructor(@Inject(ProviderKeys) private readonly keys: ProviderKeys) {}

  @Get()
  @ApiOperation({ summary: 'The providers your account has a key for (hints only, never the keys)' })
  @ApiOkResponse({ type: [ProviderKeyDto] })
  async list(@AccountId() accountId: string): Promise<ProviderKeyDto[]> {
    return (await this.keys.list(accountId)).map((key) => ({ ...key, updatedAt: key.updatedAt.toISOString() }));
  }

  @Put(':provider')
  @ApiOperation({
    summary: 'Set a provider\'s API key',
    description: 'Sealed in the vault (AES-256-GCM, its own database); replaces the previous key. The answer shows its last four characters only.',
  })
  @ApiParam(PROVIDER_PARAM)
  @ApiOkResponse({ type: ProviderKeyDto })
  async set(
    @AccountId() accountId: string,
    @Param('provider', ParseProviderPipe) provider: ProviderName,
    @Body() body: SetProviderKeyDto,
  ): Promise<ProviderKeyDto> {
    const saved = await this.keys.set(accountId, provider, body.apiKey);
    return { ...saved, updatedAt: saved.updatedAt.toISOString() };
  }

  @Delete(':provider')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a provider\'s API key' })
  @ApiParam(PROVIDER_PARAM)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(404)
  async remove(@AccountId() accountId: string, @Param('provider', ParseProviderPipe) provider: ProviderName): Promise<void> {
    if (!(await this.keys.remove(accountId, provider))) throw DomainError.notFound('key of provider', provider);
  }
}
