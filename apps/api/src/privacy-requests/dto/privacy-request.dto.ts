import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PrivacyRequest, PrivacyRequestEvent } from '@relance/db';
import { PRIVACY_REQUEST_STATUSES, PRIVACY_REQUEST_TYPES } from '@relance/db/entities/privacy-request.entity';

/** The answer to a public request: the same whether or not the address is known to anyone. */
export class PrivacyRequestAcceptedDto {
  @ApiProperty({ example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', format: 'uuid', description: 'Reference of the request, quoted in every mail about it' }) requestId: string;
  @ApiProperty({ example: 'A confirmation link was sent to the address given.' }) message: string;
}

export class PrivacyRequestEventDto {
  @ApiProperty({ example: 'reminder' }) kind: string;
  @ApiProperty({ example: { stepsDone: 3, remindersSent: 1 }, description: 'Ids, dates and counts' }) details: Record<string, unknown>;
  @ApiProperty({ example: '2026-12-02T08:00:00.000Z' }) occurredAt: string;

  static from(event: PrivacyRequestEvent): PrivacyRequestEventDto {
    return { kind: event.kind, details: event.details, occurredAt: event.occurredAt.toISOString() };
  }
}

/** What staff see of a request: its state and dates, the subject by id, the message while it is open. */
export class PrivacyRequestDto {
  @ApiProperty({ example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', format: 'uuid' }) id: string;
  @ApiProperty({ enum: PRIVACY_REQUEST_TYPES }) type: string;
  @ApiProperty({ enum: ['prospect', 'user', 'email'] }) subjectKind: string;
  @ApiPropertyOptional({ example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f', type: String, format: 'uuid', nullable: true }) accountId: string | null;
  @ApiPropertyOptional({ example: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f', type: String, format: 'uuid', nullable: true }) prospectId: string | null;
  @ApiPropertyOptional({ example: '7e3a9b1c-2d4f-4a6b-8c0d-9e8f7a6b5c4d', type: String, format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({ enum: ['subject', 'customer', 'staff'] }) requester: string;
  @ApiPropertyOptional({ example: 'Please delete everything you hold about me.', type: String, nullable: true, description: 'Null once the request is closed' }) message: string | null;
  @ApiPropertyOptional({ example: ['last_name'], type: [String], nullable: true, description: 'Rectification: the field names to set (values are not shown)' }) fieldNames: string[] | null;
  @ApiProperty({ enum: PRIVACY_REQUEST_STATUSES }) status: string;
  @ApiPropertyOptional({ enum: ['link', 'staff', 'customer'], nullable: true }) verificationMethod: string | null;
  @ApiPropertyOptional({ example: '2026-12-01T10:05:00.000Z', type: String, format: 'date-time', nullable: true }) verifiedAt: string | null;
  @ApiPropertyOptional({ example: '2026-12-31T10:00:00.000Z', type: String, format: 'date-time', nullable: true }) dueAt: string | null;
  @ApiProperty({ example: false }) overdue: boolean;
  @ApiPropertyOptional({ example: '2026-12-20T10:00:00.000Z', type: String, format: 'date-time', nullable: true }) extendedAt: string | null;
  @ApiPropertyOptional({ example: '2026-12-24T10:00:00.000Z', type: String, format: 'date-time', nullable: true }) escalatedAt: string | null;
  @ApiPropertyOptional({ example: '2026-12-02T08:00:00.000Z', type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiPropertyOptional({ example: 'eyJhbGciOiJFZERTQSJ9.eyJyZXF1ZXN0SWQiOiIuLi4ifQ.c2lnbmF0dXJl', type: String, nullable: true, description: 'The signed certificate (compact JWS)' }) certificate: string | null;
  @ApiProperty({ example: '2026-12-01T10:00:00.000Z' }) createdAt: string;
  @ApiPropertyOptional({ type: [PrivacyRequestEventDto], description: 'On the single-request route only' }) events?: PrivacyRequestEventDto[];

  static from(request: PrivacyRequest, now: Date, events?: PrivacyRequestEvent[]): PrivacyRequestDto {
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      id: request.id, type: request.type, subjectKind: request.subjectKind, accountId: request.accountId, prospectId: request.prospectId,
      userId: request.userId,
      requester: request.requester, message: request.message, fieldNames: request.fields ? Object.keys(request.fields) : null,
      status: request.status, verificationMethod: request.verificationMethod, verifiedAt: iso(request.verifiedAt), dueAt: iso(request.dueAt),
      overdue: request.status === 'verified' && request.dueAt !== null && request.dueAt.getTime() < now.getTime(),
      extendedAt: iso(request.extendedAt), escalatedAt: iso(request.escalatedAt), completedAt: iso(request.completedAt),
      certificate: request.certificate, createdAt: request.createdAt.toISOString(),
      ...(events ? { events: events.map((event) => PrivacyRequestEventDto.from(event)) } : {}),
    };
  }
}

/** The single-request route: the request, its events, and what its workflow says it waits for. */
export class PrivacyRequestWithLiveDto extends PrivacyRequestDto {
  @ApiPropertyOptional({ example: { phase: 'awaiting_verification', until: '2026-12-08T10:00:00.000Z' }, type: Object,
    nullable: true,
    description: 'From the workflow (ids and dates): phase awaiting_verification (until), awaiting_fields (dueAt, next deadline event), executing, finished (outcome)',
  })
  live: Record<string, unknown> | null;

  @ApiPropertyOptional({ example: 'the workflow privacy-request:1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f is no longer known to Temporal', type: String, nullable: true, description: 'Why live is null: the workflow is gone or the engine did not answer' })
  liveUnavailable: string | null;
}

export class PrivacyRequestPageDto {
  @ApiProperty({ type: [PrivacyRequestDto] }) data: PrivacyRequestDto[];
  @ApiPropertyOptional({ example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', type: String, format: 'uuid', nullable: true }) nextCursor: string | null;
}

export class CertificateCheckResultDto {
  @ApiProperty({ example: true, description: 'True when Relance signed this certificate and nothing in it was altered' }) valid: boolean;
  @ApiPropertyOptional({ example: { requestId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', type: 'erasure', completedAt: '2026-12-02T08:00:00.000Z' }, type: Object, nullable: true, description: 'What the certificate states, when valid' }) body: Record<string, unknown> | null;
}

export class VerificationLinkDto {
  @ApiProperty({ example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', format: 'uuid' }) requestId: string;
  @ApiProperty({ enum: PRIVACY_REQUEST_STATUSES }) status: string;
  @ApiProperty({ example: 'POST this link to confirm the request.' }) message: string;
}
