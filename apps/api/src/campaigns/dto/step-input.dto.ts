import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotBlank } from '../../common/validators/not-blank';
import { IsSingleLine } from '../../common/validators/single-line';
import { IsStepTarget } from '../../common/validators/step-target';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min,
  ValidateIf, ValidateNested,
} from 'class-validator';

export const STEP_TYPES = ['email', 'wait', 'condition', 'task'] as const;
export const WAIT_UNITS = ['seconds', 'minutes', 'hours', 'days'] as const;
export const CONDITION_KINDS = ['opened', 'clicked', 'replied', 'not_replied'] as const;
/** A subject is one header line (998 characters at most, RFC 5322), and mail clients show far less. */
export const MAX_SUBJECT = 500;
/** A cold email is a few paragraphs; this bounds what every send renders. */
export const MAX_BODY = 100_000;

/** What a step is when its `type` is missing or unknown: only the type gets reported. */
export class StepInputDto {
  @ApiProperty({ enum: STEP_TYPES })
  @IsIn(STEP_TYPES)
  type: (typeof STEP_TYPES)[number];
}

export class VariantInputDto {
  @ApiPropertyOptional({ example: 'Quick question, {{ firstName | default: "there" }}', description: 'Liquid template; required where the step needs a subject', maxLength: MAX_SUBJECT })
  @IsOptional() @IsString() @IsSingleLine() @MaxLength(MAX_SUBJECT)
  subject?: string;

  @ApiProperty({ example: 'Hi {{ firstName }}, does {{ company }} still hire sales reps?', description: 'Liquid template (plain text)', maxLength: MAX_BODY })
  @IsString() @IsNotEmpty() @IsNotBlank() @MaxLength(MAX_BODY)
  body: string;

  @ApiPropertyOptional({ example: 1, default: 1, minimum: 0, maximum: 100, description: 'Relative share of prospects' })
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
  @IsOptional() @IsString() @IsSingleLine() @MaxLength(MAX_SUBJECT)
  subject?: string;

  @ApiPropertyOptional({
    example: 'Hi {{ firstName }},\n\nDoes {{ company }} ...',
    description: 'Liquid template (plain text); required unless the step has variants',
  })
  // `variants: null` is no variants: the body is required then too.
  @ValidateIf((step: EmailStepInputDto) => step.variants == null)
  @IsString() @IsNotEmpty() @IsNotBlank() @MaxLength(MAX_BODY)
  body?: string;

  @ApiPropertyOptional({
    type: () => [VariantInputDto],
    description: 'A/B test: 2 to 5 versions of this email (instead of subject and body), picked by weight per prospect',
  })
  @IsOptional() @IsArray() @ArrayMinSize(2) @ArrayMaxSize(5) @ValidateNested({ each: true }) @Type(() => VariantInputDto)
  variants?: VariantInputDto[];

  @ApiPropertyOptional({ example: false, default: false, description: 'Start a new thread instead of replying in the first one' })
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

  @ApiPropertyOptional({ example: false, default: false, description: "Days count only the sending window's days (unit days; needs a sendingWindow)" })
  @IsOptional() @IsBoolean()
  sendingDaysOnly?: boolean;
}

export class ConditionStepInputDto {
  @ApiProperty({ enum: ['condition'] })
  @IsIn(['condition'])
  type: 'condition';

  @ApiProperty({
    enum: CONDITION_KINDS,
    description:
      'What the prospect did with the emails sent from `sinceStep` on: opened or clicked one of them (needs ' +
      "tracking), replied or not. Opens and clicks take time to happen: put a wait before a condition on them, or it " +
      'is checked the moment the email leaves and finds none.',
  })
  @IsIn(CONDITION_KINDS)
  condition: (typeof CONDITION_KINDS)[number];

  @ApiProperty({ minimum: 0, example: 0, description: 'Position of an earlier email step' })
  @IsInt() @Min(0)
  sinceStep: number;

  @ApiProperty({
    oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', enum: ['next'] }],
    example: 'next',
    description: "Where to go when the condition holds: a later step's position, or 'next'",
  })
  @IsStepTarget(['next'])
  then: number | 'next';

  @ApiProperty({
    oneOf: [{ type: 'integer', minimum: 0 }, { type: 'string', enum: ['next', 'end'] }],
    example: 'end',
    description: "Where to go when it does not: a later step's position, 'next', or 'end' (the sequence is over)",
  })
  @IsStepTarget(['next', 'end'])
  else: number | 'next' | 'end';
}

export class TaskStepInputDto {
  @ApiProperty({ enum: ['task'] })
  @IsIn(['task'])
  type: 'task';

  @ApiProperty({
    example: 'Call the prospect',
    description: 'What the rep is asked to do; the sequence waits until it is done or skipped',
  })
  @IsString() @IsNotEmpty() @IsSingleLine() @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: 'Ask about their Q3 hiring plans.' })
  @IsOptional() @IsString() @MaxLength(5000)
  instructions?: string;
}

export type AnyStepInput = EmailStepInputDto | WaitStepInputDto | ConditionStepInputDto | TaskStepInputDto;
