import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsSingleLine } from '../../common/validators/single-line';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, ValidateIf,
  ValidateNested,
} from 'class-validator';

export const STEP_TYPES = ['email', 'wait'] as const;
export const WAIT_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;

/** What a step is when its `type` is missing or unknown: only the type gets reported. */
export class StepInputDto {
  @ApiProperty({ enum: STEP_TYPES })
  @IsIn(STEP_TYPES)
  type: (typeof STEP_TYPES)[number];
}

export class VariantInputDto {
  @ApiPropertyOptional({ description: 'Liquid template; required where the step needs a subject' })
  @IsOptional() @IsString() @IsSingleLine()
  subject?: string;

  @ApiProperty({ description: 'Liquid template (plain text)' })
  @IsString() @IsNotEmpty()
  body: string;

  @ApiPropertyOptional({ default: 1, minimum: 0, maximum: 100, description: 'Relative share of prospects' })
  @IsOptional() @IsInt() @Min(0) @Max(100)
  weight?: number;
}

export class EmailStepInputDto {
  @ApiProperty({ enum: ['email'] })
  @IsIn(['email'])
  type: 'email';

  @ApiPropertyOptional({
    example: 'Quick question, {{ firstName | default: "there" }}',
    description:
      'Liquid template. Required on the first email step and on steps with newThread; other follow-ups ' +
      'reply in the first email\'s thread ("Re: ...") when they have none.',
  })
  @IsOptional() @IsString() @IsSingleLine()
  subject?: string;

  @ApiPropertyOptional({
    example: 'Hi {{ firstName }},\n\nDoes {{ company }} ...',
    description: 'Liquid template (plain text); required unless the step has variants',
  })
  @ValidateIf((step: EmailStepInputDto) => step.variants === undefined)
  @IsString() @IsNotEmpty()
  body?: string;

  @ApiPropertyOptional({
    type: () => [VariantInputDto],
    description: 'A/B test: 2 to 5 versions of this email (instead of subject and body), picked by weight per prospect',
  })
  @IsOptional() @IsArray() @ArrayMinSize(2) @ArrayMaxSize(5) @ValidateNested({ each: true }) @Type(() => VariantInputDto)
  variants?: VariantInputDto[];

  @ApiPropertyOptional({ default: false, description: 'Start a new thread instead of replying in the first one' })
  @IsOptional() @IsBoolean()
  newThread?: boolean;
}

export class WaitStepInputDto {
  @ApiProperty({ enum: ['wait'] })
  @IsIn(['wait'])
  type: 'wait';

  @ApiProperty({ minimum: 1, example: 3, description: 'The whole wait is at most 365 days' })
  @IsInt() @Min(1)
  amount: number;

  @ApiProperty({ enum: WAIT_UNITS })
  @IsIn(WAIT_UNITS)
  unit: (typeof WAIT_UNITS)[number];

  @ApiPropertyOptional({ default: false, description: "Days count only the sending window's days (unit days; needs a sendingWindow)" })
  @IsOptional() @IsBoolean()
  sendingDaysOnly?: boolean;
}

export type AnyStepInput = EmailStepInputDto | WaitStepInputDto;
