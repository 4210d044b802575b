import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type ChangeTerms, type RegistryChange, SUBPROCESSOR_FIELDS, SubprocessorRegistry, type SubprocessorFields } from '@relance/subprocessors';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffRoles } from '../auth/staff-roles.decorator';
import type { StaffContext } from '../common/api-request';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { pageRequest } from '../common/page-query';
import { instantOf } from '../common/validators/instant';
import { ListSubprocessorChangesQuery, ListSubprocessorsQuery } from './dto/list-subprocessors.query';
import { ChangeTermsDto, CreateSubprocessorDto, UpdateSubprocessorDto } from './dto/subprocessor-input.dto';
import { FieldChangeDto, SubprocessorChangeDto, SubprocessorChangePageDto, SubprocessorDto, SubprocessorPageDto } from './dto/subprocessor.dto';

/**
 * The subprocessor registry for admins (the console's screens call these): list, read with the
 * change log, add, edit, retire. Every change is logged with the date it takes effect, audited,
 * and mailed to the owners who subscribed. Staff token of an admin only.
 */
@ApiTags('staff: subprocessors')
@ApiExtraModels(FieldChangeDto)
@ApiErrors(401, 403)
@StaffRoles('admin')
@Controller('v1/staff')
export class SubprocessorsStaffController {
  constructor(@Inject(SubprocessorRegistry) private readonly registry: SubprocessorRegistry) {}

  @Get('subprocessors')
  @ApiOperation({ summary: 'Every registry entry, retired ones too, with its newest saved values, in name order, a page at a time (admin)' })
  @ApiOkResponse({ type: SubprocessorPageDto })
  @ApiErrors(400)
  async list(@Query() query: ListSubprocessorsQuery): Promise<SubprocessorPageDto> {
    const { items, nextCursor } = await this.registry.list(query.status, pageRequest(query));
    return { data: items.map((entry) => SubprocessorDto.from(entry)), nextCursor };
  }

  @Get('subprocessors/:id')
  @ApiOperation({ summary: 'One entry with its change log, newest first (admin)' })
  @ApiOkResponse({ type: SubprocessorDto })
  @ApiErrors(400, 404)
  async get(@Param('id', ParseIdPipe) id: string): Promise<SubprocessorDto> {
    const { entry, changes } = await this.registry.get(id);
    const now = new Date();
    return SubprocessorDto.from(entry, changes.map((change) => SubprocessorChangeDto.from(change, now)));
  }

  @Post('subprocessors')
  @ApiOperation({ summary: 'Add an entry; it takes effect at effectiveAt (default: in SUBPROCESSOR_NOTICE_PERIOD) and subscribers are mailed now (admin)' })
  @ApiCreatedResponse({ type: SubprocessorDto })
  @ApiErrors(400, 409, 503)
  async create(@CurrentStaff() caller: StaffContext, @Body() body: CreateSubprocessorDto): Promise<SubprocessorDto> {
    return withChange(await this.registry.add(caller, fieldsOf(body) as SubprocessorFields, termsOf(body)));
  }

  @Patch('subprocessors/:id')
  @ApiOperation({ summary: 'Edit an entry\'s fields; the change takes effect at effectiveAt and subscribers are mailed now (admin)' })
  @ApiOkResponse({ type: SubprocessorDto })
  @ApiErrors(400, 404, 409, 503)
  async update(
    @CurrentStaff() caller: StaffContext, @Param('id', ParseIdPipe) id: string, @Body() body: UpdateSubprocessorDto,
  ): Promise<SubprocessorDto> {
    return withChange(await this.registry.edit(caller, id, fieldsOf(body), termsOf(body)));
  }

  @Post('subprocessors/:id/retire')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retire an entry at effectiveAt (it stays on the public list until then); subscribers are mailed now (admin)' })
  @ApiOkResponse({ type: SubprocessorDto })
  @ApiErrors(400, 404, 409, 503)
  async retire(
    @CurrentStaff() caller: StaffContext, @Param('id', ParseIdPipe) id: string, @Body() body: ChangeTermsDto,
  ): Promise<SubprocessorDto> {
    return withChange(await this.registry.retire(caller, id, termsOf(body)));
  }

  @Get('subprocessor-changes')
  @ApiOperation({ summary: 'The registry\'s change log, newest first, a page at a time, with how many notices each change has mailed (admin)' })
  @ApiOkResponse({ type: SubprocessorChangePageDto })
  @ApiErrors(400)
  async changes(@Query() query: ListSubprocessorChangesQuery): Promise<SubprocessorChangePageDto> {
    const now = new Date();
    const { items, nextCursor } = await this.registry.changes(query.subprocessorId, pageRequest(query));
    return { data: items.map((change) => SubprocessorChangeDto.from(change, now)), nextCursor };
  }
}

/** The entry's fields among a body's (effectiveAt and reason are the change's terms). */
function fieldsOf(body: Partial<SubprocessorFields>): Partial<SubprocessorFields> {
  return Object.fromEntries(SUBPROCESSOR_FIELDS.filter((field) => body[field] !== undefined).map((field) => [field, body[field]]));
}

/** The change's terms, the date parsed (the DTO validated it). */
function termsOf(body: { effectiveAt?: string; reason?: string }): ChangeTerms {
  return { effectiveAt: body.effectiveAt === undefined ? undefined : instantOf(body.effectiveAt) ?? undefined, reason: body.reason };
}

function withChange({ entry, change }: RegistryChange): SubprocessorDto {
  return SubprocessorDto.from(entry, [SubprocessorChangeDto.from(change, new Date())]);
}
