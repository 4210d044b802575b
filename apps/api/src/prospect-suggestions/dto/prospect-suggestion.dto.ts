import { ApiProperty } from '@nestjs/swagger';
import type { ProspectSuggestion, ProspectSuggestionStatus } from '@relance/db/entities/prospect-suggestion.entity';
import { EnrollmentDto } from '../../enrollments/dto/enrollment.dto';
import { ProspectDto } from '../../prospects/dto/prospect.dto';

const STATUSES: ProspectSuggestionStatus[] = ['pending', 'accepted', 'dismissed'];

export class ProspectSuggestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The campaign whose email the referral answered; accepting enrolls there' })
  campaignId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The prospect who left (null once erased)' })
  departedProspectId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The referral, as stored inbound message (null once erased)' })
  sourceInboundMessageId: string | null;
  @ApiProperty({ description: 'The colleague offered instead' }) email: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ enum: STATUSES }) status: ProspectSuggestionStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Accepted: the prospect it made' })
  createdProspectId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Accepted and enrolled: the enrollment it made' })
  enrollmentId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was accepted or dismissed' })
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
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` to get the next page; null on the last page' })
  nextCursor: string | null;
}

export class AcceptedSuggestionDto {
  @ApiProperty({ type: ProspectSuggestionDto }) suggestion: ProspectSuggestionDto;
  @ApiProperty({ type: ProspectDto }) prospect: ProspectDto;
  @ApiProperty({ type: EnrollmentDto, nullable: true, description: 'null when accepted with `enroll: false`' })
  enrollment: EnrollmentDto | null;
}
