import { ApiProperty } from '@nestjs/swagger';
import { PROSPECT_STATUSES, type Prospect, type ProspectStatus } from '@relance/db/entities/prospect.entity';

export class ProspectDto {
  @ApiProperty({ example: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f', format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ada@example.com' }) email: string;
  @ApiProperty({ example: 'Ada', type: String, nullable: true }) firstName: string | null;
  @ApiProperty({ example: 'Lovelace', type: String, nullable: true }) lastName: string | null;
  @ApiProperty({ example: 'Head of Sales', type: String, nullable: true }) position: string | null;
  @ApiProperty({ example: 'Analytical Engines Ltd', type: String, nullable: true }) company: string | null;
  @ApiProperty({ example: 'GB', type: String, nullable: true }) country: string | null;
  @ApiProperty({ example: 'Europe/London', type: String, nullable: true }) timeZone: string | null;
  @ApiProperty({ example: { industry: 'Manufacturing' }, type: 'object', additionalProperties: { type: 'string' } }) customFields: Record<string, string>;
  @ApiProperty({ type: [String], example: ['vip'], description: "The rep's labels, lower-case" }) tags: string[];
  @ApiProperty({ enum: PROSPECT_STATUSES }) status: ProspectStatus;
  @ApiProperty({ example: false, description: 'Processing restricted (GDPR art. 18): no sends, no launch enrolls them' }) restricted: boolean;
  @ApiProperty({ example: false,
    description: "On the account's suppression list (the address or its domain): no email goes to it, whatever its status",
  })
  suppressed: boolean;
  @ApiProperty({ example: '2026-11-20T10:00:00.000Z', type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ example: '2026-11-21T08:30:00.000Z', type: String, format: 'date-time' }) updatedAt: Date;

  static from(p: Prospect, suppressed: boolean): ProspectDto {
    return {
      id: p.id,
      email: p.email,
      firstName: p.firstName,
      lastName: p.lastName,
      position: p.position,
      company: p.company,
      country: p.country,
      timeZone: p.timeZone,
      customFields: p.customFields,
      tags: p.tags,
      status: p.status,
      restricted: p.restricted,
      suppressed,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  }
}

export class ProspectPageDto {
  @ApiProperty({ type: [ProspectDto] }) data: ProspectDto[];

  @ApiProperty({ example: 'cDEuMTc2NDMxNjAwMDAwMDAwMC4wYjdjMmYxZQ',
    type: String,
    nullable: true,
    description: 'Pass as `after` to get the next page (opaque; it stays valid when rows are deleted meanwhile); null on the last page',
  })
  nextCursor: string | null;
}
