import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Suppression, SuppressionKind, SuppressionReason } from '@relance/db/entities/suppression.entity';

const KINDS: SuppressionKind[] = ['email', 'domain'];
const REASONS: SuppressionReason[] = ['unsubscribed', 'manual', 'hard_bounce', 'complaint', 'erasure'];

/**
 * An entry of the list. Address entries show no address and no hash: Relance does not keep
 * the address, and the hash is only of use with the server's key. Look an address up with
 * GET /v1/suppressions/check.
 */
export class SuppressionDto {
  @ApiProperty({ example: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b', format: 'uuid' }) id: string;
  @ApiProperty({ enum: KINDS }) kind: SuppressionKind;
  @ApiProperty({ type: String, nullable: true, example: 'example.com', description: 'The domain, for kind `domain`; null for addresses' })
  domain: string | null;
  @ApiProperty({ enum: REASONS }) reason: SuppressionReason;
  @ApiProperty({ example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', type: String, format: 'uuid', nullable: true, description: 'The email whose unsubscribe link was used' })
  sourceMessageId: string | null;
  @ApiProperty({ example: '2026-12-03T12:00:00.000Z', type: String, format: 'date-time' }) createdAt: Date;

  static from(s: Suppression): SuppressionDto {
    return { id: s.id, kind: s.kind, domain: s.domain, reason: s.reason, sourceMessageId: s.sourceMessageId, createdAt: s.createdAt };
  }
}

export class SuppressionPageDto {
  @ApiProperty({ type: [SuppressionDto] }) data: SuppressionDto[];
  @ApiProperty({ example: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b', type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}

export class SuppressionCheckDto {
  @ApiProperty({ example: true, description: 'True when the account must not write to this address' }) suppressed: boolean;
  @ApiPropertyOptional({ example: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b', format: 'uuid', description: 'The matching entry' }) id?: string;
  @ApiPropertyOptional({ enum: KINDS, description: 'Matched by the address itself or by its domain' }) kind?: SuppressionKind;
  @ApiPropertyOptional({ enum: REASONS }) reason?: SuppressionReason;
  @ApiPropertyOptional({ example: 'example.com', type: String, description: 'The matching domain, for kind `domain`' }) domain?: string;
}
