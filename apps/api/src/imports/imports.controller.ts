import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { AccountId, CallerUserId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ImportJobDto, ImportJobPageDto, ImportProgressDto } from './dto/import-job.dto';
import { ListImportsQuery } from './dto/list-imports.query';
import { StartImportDto } from './dto/start-import.dto';
import { ApiContentResponse } from '../openapi-document/page-responses';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@ApiBearerAuth('api-key')
@ApiErrors(401)
@Controller('v1/imports')
export class ImportsController {
  constructor(@Inject(ImportsService) private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(201)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
    examples: { csv: { summary: 'A CSV file with a header row', value: { file: 'email,prénom,société\nada@example.com,Ada,Analytical Engines\n' } } },
  })
  @ApiOperation({
    summary: 'Upload a CSV of prospects',
    description:
      'The file is streamed to storage and read once: encoding (UTF-8 with or without BOM, UTF-16 with BOM, else ' +
      'Windows-1252), delimiter (`,` `;` tab `|`), header and row count. Answers with the suggested column mapping ' +
      '(English and French headers) to confirm with POST /v1/imports/{id}/start. A file over IMPORT_MAX_FILE_BYTES ' +
      'is a 413 `file_too_large`; an empty or binary file, a header without rows, duplicate headers, or more rows or ' +
      'columns than IMPORT_MAX_ROWS / IMPORT_MAX_COLUMNS is a 422 `invalid_csv` naming what is wrong.',
  })
  @ApiCreatedResponse({ type: ImportJobDto })
  @ApiErrors(400, 413, 422)
  async upload(@AccountId() accountId: string, @CallerUserId() userId: string | null, @Req() request: IncomingMessage): Promise<ImportJobDto> {
    return ImportJobDto.from(await this.imports.upload(accountId, userId, request));
  }

  @Get()
  @ApiOperation({ summary: 'List imports, newest first, a page at a time' })
  @ApiOkResponse({ type: ImportJobPageDto })
  @ApiErrors(400)
  async list(@AccountId() accountId: string, @Query() query: ListImportsQuery): Promise<ImportJobPageDto> {
    const { items, nextCursor } = await this.imports.list(accountId, query);
    return { data: items.map((job) => ImportJobDto.from(job)), nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an import: its file, its mapping (suggested, or as confirmed) and its progress' })
  @ApiOkResponse({ type: ImportJobDto })
  @ApiErrors(400, 404)
  async get(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<ImportJobDto> {
    return ImportJobDto.from(await this.imports.get(accountId, id));
  }

  @Post(':id/start')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({
    summary: 'Confirm the mapping and start the import',
    description: 'Runs as workflow `import:<id>`; follow it with GET /v1/imports/{id}/progress. A second start is a 409.',
  })
  @ApiAcceptedResponse({ type: ImportJobDto })
  @ApiErrors(400, 404, 409, 503)
  async start(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string, @Body() body: StartImportDto): Promise<ImportJobDto> {
    return ImportJobDto.from(await this.imports.start(accountId, id, body));
  }

  @Get(':id/progress')
  @ApiOperation({ summary: 'Rows read, imported, updated, skipped and refused so far, out of the total' })
  @ApiOkResponse({ type: ImportProgressDto })
  @ApiErrors(400, 404)
  async progress(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<ImportProgressDto> {
    return ImportProgressDto.from(await this.imports.get(accountId, id));
  }

  @Get(':id/report.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Download the refused rows (line, column, reason, value) as CSV',
    description: 'Available while the import runs. Cells starting with = + - @ are prefixed with an apostrophe so a spreadsheet never runs them.',
  })
  @ApiContentResponse(200, 'The refused rows', 'text/csv', 'line,column,reason,value\n3,email,email must be an email address,ada@\n')
  @ApiErrors(400, 404)
  async report(@AccountId() accountId: string, @Param('id', ParseIdPipe) id: string): Promise<StreamableFile> {
    return new StreamableFile(await this.imports.report(accountId, id), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="import-${id}-refused.csv"`,
    });
  }
}
