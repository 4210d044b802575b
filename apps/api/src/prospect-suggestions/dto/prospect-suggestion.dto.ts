import { ApiProperty } from '@nestjs/swagger';
import type { ProspectSuggestion, ProspectSuggestionStatus } from '@relance/db/entities/prospect-suggestion.entity';
import { EnrollmentDto } from '../../enrollments/dto/enrollment.dto';
import { ProspectDto } from '../../prospects/dto/prospect.dto';

const STATUSES: ProspectSuggestionStatus[] = ['pending', 'accepted', 'dismissed'];

export class ProspectSuggestionDto {
  @ApiProperty({ example: 'a9b8c7d6-e5f4-4a3b-9c2d-1e0f2a3b4c5d', format: 'uuid' }) id: string;
  @ApiProperty({ example: '6c1f0a9e-2b3d-4c5e-8f7a-9b0c1d2e3f4a', format: 'uuid', description: 'The campaign whose email the referral answered; accepting enrolls there' })
  campaignId: string;
  @ApiProperty({ example: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f', type: String, format: 'uuid', nullable: true, description: 'The prospect who left (null once erased)' })
  departedProspectId: string | null;
  @ApiProperty({ example: 'c7d8e9f0-a1b2-4c3d-8e4f-5a6b7c8d9e0f', type: String, format: 'uuid', nullable: true, description: 'The referral, as stored inbound message (null once erased)' })
  sourceInboundMessageId: string | null;
  @ApiProperty({ example: 'grace@example.com', description: 'The colleague offered instead' }) email: string;
  @ApiProperty({ example: 'Grace Hopper', type: String, nullable: true }) name: string | null;
  @ApiProperty({ enum: STATUSES }) status: ProspectSuggestionStatus;
  @ApiProperty({ example: '3a4b5c6d-7e8f-4a9b-8c0d-1e2f3a4b5c6d', type: String, format: 'uuid', nullable: true, description: 'Accepted: the prospect it made' })
  createdProspectId: string | null;
  @ApiProperty({ example: '2d9e7f3a-4b5c-4d6e-8f0a-1b2c3d4e5f6a', type: String, format: 'uuid', nullable: true, description: 'Accepted and enrolled: the enrollment it made' })
  enrollmentId: string | null;
  @ApiProperty({ example: '2026-12-03T10:20:00.000Z', type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ example: '2026-12-03T14:00:00.000Z', type: String, format: 'date-time', nullable: true, description: 'When it was accepted or dismissed' })
  decidedAt: Date | null;

  static from(s: ProspectSuggestion): ProspectSuggestionDto {
    return {
      id: s.id,
      campaignId: s.campaignId,
      departedProspectId: s.departedProspectId,
      sourceInboundMessageId: s.sourceInboundMessageId,
      email: s.email,
      name: s.name,
      status: s.status,
      createdProspectId: s.createdProspectId,
      enrollmentId: s.enrollmentId,
      createdAt: s.createdAt,
      decidedAt: s.decidedAt,
    };
  }
}

export class ProspectSuggestionPageDto {
  @ApiProperty({ type: [ProspectSuggestionDto] }) data: ProspectSuggestionDto[];
  @ApiProperty({ example: 'a9b8c7d6-e5f4-4a3b-9c2d-1e0f2a3b4c5d', type: String, nullable: true, description: 'Pass as `after` to get the next page; null on the last page' })
  nextCursor: string | null;
}

export class AcceptedSuggestionDto {
  @ApiProperty({ type: ProspectSuggestionDto }) suggestion: ProspectSuggestionDto;
  @ApiProperty({ type: ProspectDto }) prospect: ProspectDto;
  @ApiProperty({ type: EnrollmentDto, nullable: true, description: 'null when accepted with `enroll: false`' })
  enrollment: EnrollmentDto | null;
}
