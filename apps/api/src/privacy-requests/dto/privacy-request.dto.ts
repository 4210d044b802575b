import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PrivacyRequest, PrivacyRequestEvent } from '@relance/db';
import { PRIVACY_REQUEST_STATUSES, PRIVACY_REQUEST_TYPES } from '@relance/db/entities/privacy-request.entity';

/** The answer to a public request: the same whether or not the address is known to anyone. */
export class PrivacyRequestAcceptedDto {
  @ApiProperty({ format: 'uuid', description: 'Reference of the request, quoted in every mail about it' }) requestId: string;
  @ApiProperty({ example: 'A confirmation link was sent to the address given.' }) message: string;
}

export class PrivacyRequestEventDto {
  @ApiProperty({ example: 'reminder' }) kind: string;
  @ApiProperty({ description: 'Ids, dates and counts' }) details: Record<string, unknown>;
  @ApiProperty() occurredAt: string;

  static from(event: PrivacyRequestEvent): PrivacyRequestEventDto {
    return { kind: event.kind, details: event.details, occurredAt: event.occurredAt.toISOString() };
  }
}

/** What staff see of a request: its state and dates, the subject by id, the message while it is open. */
export class PrivacyRequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: PRIVACY_REQUEST_TYPES }) type: string;
  @ApiProperty({ enum: ['prospect', 'user', 'email'] }) subjectKind: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) accountId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) prospectId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({ enum: ['subject', 'customer', 'staff'] }) requester: string;
  @ApiPropertyOptional({ nullable: true, description: 'Null once the request is closed' }) message: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Rectification: the field names to set (values are not shown)' }) fieldNames: string[] | null;
  @ApiProperty({ enum: PRIVACY_REQUEST_STATUSES }) status: string;
  @ApiPropertyOptional({ enum: ['link', 'staff', 'customer'], nullable: true }) verificationMethod: string | null;
  @ApiPropertyOptional({ nullable: true }) verifiedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) dueAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiPropertyOptional({ nullable: true }) extendedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) escalatedAt: string | null;
  @ApiPropertyOptional({ nullable: true }) completedAt: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'The signed certificate (compact JWS)' }) certificate: string | null;
  @ApiProperty() createdAt: string;
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
  @ApiPropertyOptional({
    nullable: true,
    description: 'From the workflow (ids and dates): phase awaiting_verification (until), awaiting_fields (dueAt, next deadline event), executing, finished (outcome)',
  })
  live: Record<string, unknown> | null;

  @ApiPropertyOptional({ nullable: true, description: 'Why live is null: the workflow is gone or the engine did not answer' })
  liveUnavailable: string | null;
}

export class PrivacyRequestPageDto {
  @ApiProperty({ type: [PrivacyRequestDto] }) data: PrivacyRequestDto[];
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) nextCursor: string | null;
}

export class CertificateCheckResultDto {
  @ApiProperty({ description: 'True when Relance signed this certificate and nothing in it was altered' }) valid: boolean;
  @ApiPropertyOptional({ nullable: true, description: 'What the certificate states, when valid' }) body: Record<string, unknown> | null;
}

export class VerificationLinkDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ enum: PRIVACY_REQUEST_STATUSES }) status: string;
  @ApiProperty({ example: 'POST this link to confirm the request.' }) message: string;
}
