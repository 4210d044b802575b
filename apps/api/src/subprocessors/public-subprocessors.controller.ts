import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiErrors } from '../common/api-errors.decorator';
import { ApiContentResponse } from '../openapi-document/page-responses';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { effectiveRegistry, type EffectiveRegistry, SubprocessorRepository } from '@relance/subprocessors';
import { Public } from '../auth/public.decorator';
import { FieldChangeDto, PublicSubprocessorDto, PublicSubprocessorListDto, UpcomingChangeDto } from './dto/subprocessor.dto';
import { subprocessorsPage } from './subprocessors-page';

/**
 * The list the privacy policy points to, for anyone (no key): the subprocessors in use now and
 * the changes announced, computed at each request (a change applies once its date has passed).
 */
@ApiTags('subprocessors')
@ApiExtraModels(FieldChangeDto)
@Public()
@Controller()
export class PublicSubprocessorsController {
  constructor(@Inject(SubprocessorRepository) private readonly registry: SubprocessorRepository) {}

  @Get('v1/subprocessors')
  @ApiOperation({ summary: 'The subprocessors in use now and the upcoming changes with their effective dates (public)' })
  @ApiOkResponse({ type: PublicSubprocessorListDto })
  @ApiErrors(500)
  async list(): Promise<PublicSubprocessorListDto> {
    const now = new Date();
    const registry = await this.effective(now);
    return {
      subprocessors: registry.current.map((entry) => PublicSubprocessorDto.from(entry)),
      upcomingChanges: registry.upcoming.map((change) => UpcomingChangeDto.from(change)),
      generatedAt: now.toISOString(),
    };
  }

  @Get('subprocessors')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")
  @ApiProduces('text/html')
  @ApiOperation({ summary: 'The same list as a plain HTML page (public)' })
  @ApiContentResponse(200, 'The registry page', 'text/html', '<!doctype html><title>Subprocessors</title><table><tr><td>Stripe</td><td>Payment services</td></tr></table>')
  @ApiErrors(500)
  async page(): Promise<string> {
    const now = new Date();
    return subprocessorsPage(await this.effective(now), now);
  }

  private async effective(now: Date): Promise<EffectiveRegistry> {
    const [entries, pending] = await Promise.all([this.registry.list(), this.registry.pendingChanges(now)]);
    return effectiveRegistry(entries, pending, now);
  }
}
