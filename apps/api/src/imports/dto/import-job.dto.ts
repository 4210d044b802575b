import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ImportJob } from '@relance/db/entities/import-job.entity';
import type { ColumnTarget } from '@relance/imports/column-mapping';

/** One column's target in a mapping (the ColumnTarget union, as OpenAPI reads it). */
export const COLUMN_TARGET_SCHEMA = {
  type: 'object' as const,
  required: ['kind'],
  properties: { kind: { type: 'string', enum: ['field', 'custom', 'ignore'] }, field: { type: 'string' }, key: { type: 'string' } },
};

export class ImportProgressDto {
  @ApiProperty({ example: 'running', enum: ['awaiting_mapping', 'running', 'completed', 'failed'] }) status: string;
  @ApiProperty({ example: 12000, description: 'Data rows in the file (after the header, blank lines not counted)' }) totalRows: number;
  @ApiProperty({ example: 5000 }) rowsRead: number;
  @ApiProperty({ example: 4870, description: 'Prospects created' }) imported: number;
  @ApiProperty({ example: 90, description: 'Existing prospects updated (onExisting `update`)' }) updated: number;
  @ApiProperty({ example: 10, description: 'Existing prospects left as they are (onExisting `skip`, or restricted)' }) skipped: number;
  @ApiProperty({ example: 30, description: 'Rows refused: see the report' }) refused: number;

  static from(job: ImportJob): ImportProgressDto {
    return {
      status: job.status, totalRows: job.totalRows, rowsRead: job.rowsRead, imported: job.imported,
      updated: job.updated, skipped: job.skipped, refused: job.refused,
    };
  }
}

export class ImportJobDto {
  @ApiProperty({ example: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a', format: 'uuid' }) id: string;
  @ApiProperty({ example: 'salon-2026.csv' }) fileName: string;
  @ApiProperty({ example: 52344 }) sizeBytes: number;
  @ApiProperty({ example: 'windows-1252', enum: ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] }) encoding: string;
  @ApiProperty({ example: ';', enum: [',', ';', '\t', '|'] }) delimiter: string;
  @ApiProperty({ example: ['Courriel', 'Prénom', 'Société', 'Secteur'] }) headers: string[];
  @ApiProperty({
    description: 'One target per column: suggested at upload, as confirmed once started',
    type: 'array',
    items: COLUMN_TARGET_SCHEMA,
    example: [
      { kind: 'field', field: 'email' }, { kind: 'field', field: 'firstName' }, { kind: 'field', field: 'company' },
      { kind: 'custom', key: 'secteur' },
    ],
  })
  mapping: ColumnTarget[];
  @ApiProperty({ example: 'skip', enum: ['skip', 'update'] }) onExisting: string;
  @ApiProperty({ type: ImportProgressDto }) progress: ImportProgressDto;
  @ApiPropertyOptional({ nullable: true, example: null }) error: string | null;
  @ApiProperty({ example: '2026-12-01T09:00:00.000Z' }) createdAt: string;
  @ApiPropertyOptional({ example: '2026-12-01T09:02:10.000Z', type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiPropertyOptional({ example: '2026-12-01T09:02:41.000Z', type: String, format: 'date-time', nullable: true }) completedAt: string | null;

  static from(job: ImportJob): ImportJobDto {
    return {
      id: job.id, fileName: job.fileName, sizeBytes: Number(job.sizeBytes), encoding: job.encoding, delimiter: job.delimiter,
      headers: job.headers, mapping: job.mapping as ColumnTarget[], onExisting: job.onExisting, progress: ImportProgressDto.from(job),
      error: job.error, createdAt: job.createdAt.toISOString(), startedAt: job.startedAt?.toISOString() ?? null,
      completedAt: job.completedAt?.toISOString() ?? null,
    };
  }
}

export class ImportJobPageDto {
  @ApiProperty({ type: [ImportJobDto] }) data: ImportJobDto[];
  @ApiPropertyOptional({ example: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f7a', type: String, nullable: true, format: 'uuid', description: 'Pass as `after` for the next page; null on the last' })
  nextCursor: string | null;
}
