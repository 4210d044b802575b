import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { EnrichmentJob, EnrichmentResult } from '@relance/db';

export class EnrichmentResultDto {
  @ApiPropertyOptional({ example: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f', type: String, format: 'uuid', nullable: true, description: 'Null when the prospect was deleted before it was reached' })
  prospectId: string | null;
  @ApiProperty({ example: 'hunter' }) provider: string;
  @ApiProperty({ enum: ['done', 'skipped', 'failed'], example: 'done' }) outcome: string;
  @ApiPropertyOptional({ nullable: true, enum: ['valid', 'invalid', 'accept_all', 'disposable', 'risky', 'unknown'], example: 'valid' })
  verdict: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true, example: 91, description: '0–100 when the provider scores' }) score: number | null;
  @ApiProperty({ type: [String], example: ['position', 'country'], description: 'Empty fields this result filled' }) filledFields: string[];
  @ApiPropertyOptional({ type: String, nullable: true, example: 'restricted', description: 'Why skipped or failed: restricted, prospect_gone, hunter_401…' })
  errorCode: string | null;
  @ApiProperty({ type: Object, example: { status: 'valid', result: 'deliverable' } }) details: Record<string, unknown>;
  @ApiProperty({ example: '2026-12-05T10:00:03.000Z', format: 'date-time' }) checkedAt: string;

  static from(result: EnrichmentResult): EnrichmentResultDto {
    return {
      prospectId: result.prospectId, provider: result.provider, outcome: result.outcome, verdict: result.verdict, score: result.score,
      filledFields: result.filledFields, errorCode: result.errorCode, details: result.details, checkedAt: result.checkedAt.toISOString(),
    };
  }
}

export class EnrichmentJobDto {
  @ApiProperty({ example: 'f1a2b3c4-d5e6-4f7a-8b9c-0d1e2f3a4b5c', format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['verify', 'enrich'], example: 'verify' }) kind: string;
  @ApiProperty({ enum: ['builtin', 'hunter', 'briteverify', 'zerobounce'], example: 'builtin' }) provider: string;
  @ApiProperty({ enum: ['running', 'completed'], example: 'running' }) status: string;
  @ApiProperty({ example: 120 }) total: number;
  @ApiProperty({ example: 48 }) processed: number;
  @ApiProperty({ example: 45 }) succeeded: number;
  @ApiProperty({ example: 2, description: 'Never sent to the provider: restricted, or deleted since' }) skipped: number;
  @ApiProperty({ example: 1 }) failed: number;
  @ApiProperty({ example: 'enrichment:3f2a…', description: 'The Temporal workflow running it' }) workflowId: string;
  @ApiProperty({ example: '2026-12-05T10:00:00.000Z', format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ example: '2026-12-05T10:02:30.000Z', type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
  @ApiPropertyOptional({ type: [EnrichmentResultDto], description: 'GET only: one per prospect done so far' })
  results?: EnrichmentResultDto[];

  static from(job: EnrichmentJob, workflowId: string, results?: EnrichmentResult[]): EnrichmentJobDto {
    return {
      id: job.id, kind: job.kind, provider: job.provider, status: job.status, total: job.total, processed: job.processed,
      succeeded: job.succeeded, skipped: job.skipped, failed: job.failed, workflowId,
      createdAt: job.createdAt.toISOString(), finishedAt: job.finishedAt?.toISOString() ?? null,
      ...(results ? { results: results.map((result) => EnrichmentResultDto.from(result)) } : {}),
    };
  }
}
