import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, ValidateNested } from 'class-validator';

export class HourRangeDto {
  @ApiProperty({ example: '09:00', description: 'Local time HH:mm, inclusive' })
  @IsString()
  start: string;

  @ApiProperty({ example: '17:30', description: 'Local time HH:mm (or 24:00), exclusive' })
  @IsString()
  end: string;
}

/** Shape only; the calendar rules (days 1-7, ranges in order, no overlap) are checked by the domain. */
export class SendingWindowDto {
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: 'ISO weekdays: 1 = Monday … 7 = Sunday' })
  @IsArray() @IsInt({ each: true })
  days: number[];

  @ApiProperty({ type: [HourRangeDto], description: "Hours in the prospect's time zone (else the campaign's)" })
  @IsArray() @ValidateNested({ each: true }) @Type(() => HourRangeDto)
  hours: HourRangeDto[];
}
