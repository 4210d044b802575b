import { ApiProperty } from '@nestjs/swagger';
import type { UnmatchedReportRow } from '@relance/db/repositories/unmatched-inbound';

/** A bounce or complaint that stopped nothing: tied to no email of ours, or its reason unreadable. */
export class UnmatchedReportDto {
  @ApiProperty({ example: 'b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e', format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['bounce', 'complaint'] }) kind: 'bounce' | 'complaint';
  @ApiProperty({ example: 'mailer-daemon@mx.example.net', type: String, nullable: true, description: 'The server or feedback loop that sent it' }) fromAddress: string | null;
  @ApiProperty({ example: 'Undelivered Mail Returned to Sender', description: 'Its subject; addresses masked when it is tied to no email of ours' }) subject: string;
  @ApiProperty({ type: String, nullable: true, example: '5.1.1', description: 'Status, refined from the diagnostic when the report gave a generic one' })
  bounceStatus: string | null;
  @ApiProperty({ type: String, nullable: true, example: '5.0.0', description: "The report's own status when it was refined" })
  bounceRawStatus: string | null;
  @ApiProperty({ example: '550 5.1.1 <***@example.org>: Recipient address rejected', type: String, nullable: true }) bounceDiagnostic: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'unknown', description: 'Bounce reason (see the README table)' })
  bounceReason: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'abuse' }) feedbackType: string | null;
  @ApiProperty({ example: '2026-12-06T17:42:00.000Z', type: String, format: 'date-time', nullable: true }) receivedAt: Date | null;

  static from(row: UnmatchedReportRow): UnmatchedReportDto {
    return {
      id: row.id, kind: row.kind, fromAddress: row.fromAddress, subject: row.subject, bounceStatus: row.bounceStatus,
      bounceRawStatus: row.bounceRawStatus, bounceDiagnostic: row.bounceDiagnostic, bounceReason: row.bounceReason,
      feedbackType: row.feedbackType, receivedAt: row.receivedAt,
    };
  }
}

export class UnmatchedReportListDto {
  @ApiProperty({ type: [UnmatchedReportDto], description: 'Newest first' }) data: UnmatchedReportDto[];
  @ApiProperty({
    type: String, nullable: true, example: 'b3c4d5e6-f7a8-4b9c-8d0e-1f2a3b4c5d6e',
    description: 'Pass as `after` for the next page; null on the last page',
  })
  nextCursor: string | null;
}
