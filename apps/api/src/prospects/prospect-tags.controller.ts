import { Body, Controller, Delete, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AccountId, CallerApiKeyId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { BulkProspectsDto, BulkResultDto, ProspectTagParams, TagsDto } from './dto/bulk-prospects.dto';
import { ProspectDto } from './dto/prospect.dto';
import { MAX_TAGS } from './dto/prospect-tags';
import { ProspectBulkService } from './prospect-bulk.service';
import { ProspectEditsService } from './prospect-edits.service';
import { ProspectPresenter } from './prospect-presenter';
import { ProspectsService } from './prospects.service';

/** Tags on one prospect, and actions on many at once. */
@ApiTags('prospects')
@ApiBearerAuth('api-key')
@ApiErrors(401)
@Controller('v1/prospects')
export class ProspectTagsController {
  constructor(
    @Inject(ProspectsService) private readonly prospects: ProspectsService,
    @Inject(ProspectEditsService) private readonly edits: ProspectEditsService,
    @Inject(ProspectBulkService) private readonly bulkActions: ProspectBulkService,
    @Inject(ProspectPresenter) private readonly presenter: ProspectPresenter,
  ) {}

  @Post('bulk')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Tag, untag or delete many prospects at once',
    description:
      'Reports an outcome per distinct id. `delete` forgets each prospect as POST /v1/prospects/:id/forget does: ' +
      'their running sequences are stopped and their workflows deleted, they are erased everywhere and their ' +
      'address stays on the suppression list (reason `erasure`), so it cannot be added again. Ids that are not ' +
      'prospects of the account are reported `not_found` and never touched. A 400 when the body itself is wrong: ' +
      'an unknown action, an empty list, more ids than PROSPECT_BULK_MAX (default 1000), tags missing for tag/untag.',
  })
  @ApiBody({ type: BulkProspectsDto, examples: {
    tag: { value: { action: 'tag', ids: ['6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f'], tags: ['vip'] } },
    delete: { value: { action: 'delete', ids: ['6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f'] } },
  } })
  @ApiOkResponse({ type: BulkResultDto })
  @ApiErrors(400)
  bulk(@AccountId() accountId: string, @CallerApiKeyId() apiKeyId: string, @Body() body: BulkProspectsDto): Promise<BulkResultDto> {
    return this.bulkActions.run(accountId, apiKeyId, body);
  }

  @Post(':id/tags')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Add tags to a prospect',
    description: `Tags it already carries are kept once; stored trimmed and lower-case. More than ${MAX_TAGS} in all is a 400 naming \`tags\`.`,
  })
  @ApiBody({ type: TagsDto, examples: { tag: { value: { tags: ['VIP', 'conference 2026'] } } } })
  @ApiOkResponse({ type: ProspectDto, description: 'The prospect with its tags' })
  @ApiErrors(400, 404)
  async addTags(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string, @Body() body: TagsDto): Promise<ProspectDto> {
    await this.edits.addTags(accountId, id, body.tags);
    return this.presenter.one(accountId, await this.prospects.get(accountId, id));
  }

  @Delete(':id/tags/:tag')
  @ApiOperation({
    summary: 'Remove a tag from a prospect',
    description: 'The tag URL-encoded, compared lower-case. Removing a tag the prospect does not carry changes nothing.',
  })
  @ApiParam({ name: 'id', description: 'The prospect', schema: { type: 'string', format: 'uuid' }, example: '3f2b8c1e-5a7d-4e9f-b6c3-2d1a0e9f8b7c' })
  @ApiParam({ name: 'tag', example: 'vip' })
  @ApiOkResponse({ type: ProspectDto, description: 'The prospect with its remaining tags' })
  @ApiErrors(400, 404)
  async removeTag(@AccountId() accountId: string, @Param() params: ProspectTagParams): Promise<ProspectDto> {
    await this.edits.removeTag(accountId, params.id.toLowerCase(), params.tag);
    return this.presenter.one(accountId, await this.prospects.get(accountId, params.id.toLowerCase()));
  }
}
