import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyCheckDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ example: 4, description: 'Round trip of the probe, in ms' }) latencyMs: number;
  @ApiPropertyOptional({ example: 'connect ECONNREFUSED 127.0.0.1:7233', description: 'Why the probe failed' }) error?: string;
}

export class HealthChecksDto {
  @ApiProperty({ type: DependencyCheckDto }) postgres: DependencyCheckDto;
  @ApiProperty({ type: DependencyCheckDto }) temporal: DependencyCheckDto;
  @ApiProperty({ type: DependencyCheckDto, description: "The vault's own database (mailbox credentials)" }) vault: DependencyCheckDto;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status: 'ok' | 'error';
  @ApiProperty({ type: HealthChecksDto }) checks: HealthChecksDto;
}
