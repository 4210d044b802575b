import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, ValidateNested } from 'class-validator';

export class HourRangeDto {
  @ApiProperty({ example: '09:00', description: 'Local time HH:mm, inclusive' })
  @IsString()
  start: string;

  @ApiProperty({ example: '17:30', description: 'Local time HH:mm (or 24:00), exclusive' })
  @IsString()
  end: string;
}

/** More would only be minutes cut into pieces: a window is a few ranges a day. */
const MAX_RANGES = 24;

/** Shape only; the calendar rules (days 1-7, ranges in order, no overlap) are checked by the domain. */
export class SendingWindowDto {
  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: 'ISO weekdays: 1 = Monday … 7 = Sunday' })
  @IsArray() @ArrayMaxSize(7) @IsInt({ each: true })
  days: number[];

  @ApiProperty({ type: [HourRangeDto], description: "Hours in the prospect's time zone (else the campaign's)" })
  @IsArray() @ArrayMaxSize(MAX_RANGES) @ValidateNested({ each: true }) @Type(() => HourRangeDto)
  hours: HourRangeDto[];
}
