import { Controller, Get, HttpCode, Inject, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ApiContentResponse } from '../openapi-document/page-responses';
import { AccountExportDto, ClosureDto } from './dto/account-views.dto';
import { createReadStream } from 'node:fs';
import { AccountId, CallerApiKeyId, CallerUserId } from '../auth/account-id.decorator';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { AccountExportService } from '@relance/privacy/accounts/account-export.service';
import { AccountLifecycleService, type AccountCaller } from './account-lifecycle.service';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ExpensiveRoute } from '../rate-limits/expensive-route.decorator';

/**
 * The account itself: "export all your data" (an archive behind an expiring signed link) and
 * closure (sending stops at once; purged after the grace period unless reactivated).
 */
@ApiTags('account')
@ApiBearerAuth('api-key')
@ApiErrors(401)
@Controller('v1/account')
export class AccountController {
  constructor(
    @Inject(AccountLifecycleService) private readonly lifecycle: AccountLifecycleService,
    @Inject(AccountExportService) private readonly exports: AccountExportService,
  ) {}

  @Post('exports')
  @HttpCode(202)
  @Idempotent()
  @ExpensiveRoute()
  @ApiOperation({ summary: 'Export all of the account\'s data (a ZIP of JSON and CSV per entity), written in the background' })
  @ApiAcceptedResponse({ type: AccountExportDto, description: 'Written in the background: poll GET /v1/account/exports/{id}' })
  @ApiErrors(503)
  requestExport(@AccountId() accountId: string, @CallerApiKeyId() apiKeyId: string, @CallerUserId() userId: string | null) {
    return this.lifecycle.requestExport(caller(accountId, apiKeyId, userId));
  }

  @Get('exports/:id')
  @ApiOperation({ summary: 'An export\'s progress; once ready, a signed download link that expires' })
  @ApiOkResponse({ type: AccountExportDto })
  @ApiErrors(400, 404)
  exportStatus(
    @AccountId() accountId: string, @CallerApiKeyId() apiKeyId: string, @CallerUserId() userId: string | null,
    @Param('id', ParseIdPipe) id: string,
  ) {
    return this.lifecycle.exportStatus(caller(accountId, apiKeyId, userId), id);
  }

  /** The link itself is the credential (no API key): signed for this export only, and expiring. */
  @Get('exports/:id/download')
  @Public()
  @ApiProduces('application/zip')
  @ApiOperation({ summary: 'Download an export\'s archive through its signed link (410 once the link has expired)' })
  @ApiQuery({ name: 'token', required: true, description: 'The signature of the link', example: 'eyJlIjoiM2YyYjhjMWUifQ.c2ln' })
  @ApiContentResponse(200, 'The archive (JSON and CSV per entity)', 'application/zip', 'UEsDBBQAAAAIAA…', 'binary')
  @ApiErrors(400, 404, 410)
  async download(@Param('id', ParseIdPipe) id: string, @Query('token') token: string | undefined): Promise<StreamableFile> {
    const file = await this.exports.fileForLink(id, typeof token === 'string' ? token : undefined);
    return new StreamableFile(createReadStream(file.path), {
      type: 'application/zip',
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }

  @Post('closure')
  @HttpCode(202)
  @ApiOperation({ summary: 'Close the account (owner): all sending stops now; everything is purged after the grace period' })
  @ApiAcceptedResponse({ type: ClosureDto })
  @ApiErrors(403, 409, 503)
  requestClosure(@AccountId() accountId: string, @CallerApiKeyId() apiKeyId: string, @CallerUserId() userId: string | null) {
    return this.lifecycle.requestClosure(caller(accountId, apiKeyId, userId));
  }

  @Post('closure/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate a closing account (owner): the closure is cancelled and everything kept' })
  @ApiOkResponse({ type: ClosureDto })
  @ApiErrors(403, 409)
  cancelClosure(@AccountId() accountId: string, @CallerApiKeyId() apiKeyId: string, @CallerUserId() userId: string | null) {
    return this.lifecycle.cancelClosure(caller(accountId, apiKeyId, userId));
  }

  @Get('closure')
  @ApiOperation({ summary: 'The account\'s closure, when one was asked' })
  @ApiOkResponse({ type: ClosureDto })
  @ApiErrors(404)
  closureStatus(@AccountId() accountId: string) {
    return this.lifecycle.closureStatus({ accountId });
  }
}

function caller(accountId: string, apiKeyId: string, userId: string | null): AccountCaller {
  return { accountId, apiKeyId, userId };
}
