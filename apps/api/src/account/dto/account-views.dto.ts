import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Documents the account routes' answers (built by AccountExportService and closureView). */
export class ExportDownloadDto {
  @ApiProperty({ example: 'https://relance.example.com/v1/account/exports/3f2b8c1e-5a7d-4e9f-b6c3-2d1a0e9f8b7c/download?token=eyJ…' })
  url: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-08T12:00:00.000Z' }) expiresAt: Date;
}

export class AccountExportDto {
  @ApiProperty({ format: 'uuid', example: '3f2b8c1e-5a7d-4e9f-b6c3-2d1a0e9f8b7c' }) id: string;
  @ApiProperty({ enum: ['pending', 'ready', 'failed', 'expired'], example: 'ready' }) status: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T12:00:00.000Z' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-07T12:01:30.000Z' }) completedAt: Date | null;
  @ApiProperty({
    type: 'object', additionalProperties: { type: 'integer' }, nullable: true,
    example: { prospects: 1200, campaigns: 4, messages: 3100 }, description: 'Rows per table in the archive',
  })
  rowCounts: Record<string, number> | null;

  @ApiProperty({ type: Number, nullable: true, example: 5242880 }) sizeBytes: number | null;
  @ApiProperty({ type: String, nullable: true, example: 'could not write the archive: ENOSPC' }) error: string | null;
  @ApiProperty({ type: ExportDownloadDto, nullable: true, description: 'Once ready: the signed link, until it expires' })
  download: ExportDownloadDto | null;
}

export class ClosureDto {
  @ApiProperty({ enum: ['pending', 'cancelled', 'purged'], example: 'pending' }) status: string;
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-07T12:00:00.000Z' }) requestedAt: Date;
  @ApiProperty({ type: String, format: 'date-time', example: '2027-03-07T12:00:00.000Z', description: 'End of the grace period' })
  purgeAfter: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-09T08:00:00.000Z' }) cancelledAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2027-03-07T12:05:00.000Z' }) purgedAt: Date | null;
}

export class StaffClosureDto extends ClosureDto {
  @ApiProperty({ format: 'uuid', example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f' }) accountId: string;
  @ApiPropertyOptional({
    type: 'object', additionalProperties: true, nullable: true, example: { accountId: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f', rowsPurged: { prospects: 1200 } },
    description: 'Once purged: what was deleted (ids and counts)',
  })
  certificate: Record<string, unknown> | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'eyJhbGciOiJFZERTQSJ9.eyJhY2NvdW50SWQiOiIuLi4ifQ.c2ln' })
  certificateJws: string | null;
}
