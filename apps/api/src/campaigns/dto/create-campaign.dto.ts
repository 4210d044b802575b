import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, IsUUID, Max,
  MaxLength, Min, ValidateNested,
} from 'class-validator';
import { CanonicalTimeZone } from '../../common/transforms';
import { IsNotBlank } from '../../common/validators/not-blank';
import { IsSingleLine } from '../../common/validators/single-line';
import { IsTimeZone } from '../../common/validators/time-zone';
import { IsTrackingDomain, NormaliseTrackingDomain } from '../../common/validators/tracking-domain';
import { SendingWindowDto } from './sending-window.dto';
import {
  AnyStepInput, ConditionStepInputDto, EmailStepInputDto, StepInputDto, TaskStepInputDto, WaitStepInputDto,
} from './step-input.dto';

export const MAX_STEPS = 50;

/** A first email, three days, then a follow-up in the same thread: the usual shape of a sequence. */
const STEPS_EXAMPLE = [
  { type: 'email', subject: 'Quick question, {{ firstName | default: "there" }}', body: 'Hi {{ firstName }},\n\nDoes {{ company }} still hire sales reps?' },
  { type: 'wait', amount: 3, unit: 'days' },
  { type: 'email', body: 'Following up on my last email, {{ firstName | default: "there" }}.' },
];

@ApiExtraModels(EmailStepInputDto, WaitStepInputDto, ConditionStepInputDto, TaskStepInputDto)
export class CreateCampaignDto {
  @ApiProperty({ example: 'Q3 outreach' })
  @IsString() @IsNotEmpty() @IsNotBlank() @IsSingleLine() @MaxLength(200)
  name: string;

  @ApiProperty({ example: '8a6f4c2e-1b3d-4e5f-a7b9-c0d1e2f3a4b5', format: 'uuid', description: 'The mailbox the emails go out from' })
  @IsUUID()
  mailboxId: string;

  @ApiPropertyOptional({ example: ['c4e8a2f6-9b1d-4c3e-8f5a-7b6c5d4e3f21'],
    type: [String],
    description: "More mailboxes to rotate across (least loaded first); each prospect's thread stays on one",
  })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true })
  mailboxIds?: string[];

  @ApiPropertyOptional({ default: 'UTC', example: 'Europe/Paris', description: "Used for prospects without a time zone" })
  @IsOptional() @CanonicalTimeZone() @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ example: 0.05, default: 0.08, minimum: 0, maximum: 1, description: 'Hard-bounce share that pauses the campaign' })
  @IsOptional() @IsNumber({ maxDecimalPlaces: 4 }) @Min(0) @Max(1)
  bounceRateLimit?: number;

  @ApiPropertyOptional({ example: true,
    default: false,
    description: "A reply from anyone at a company ends their colleagues' sequences in this campaign",
  })
  @IsOptional() @IsBoolean()
  stopOnCompanyReply?: boolean;

  @ApiPropertyOptional({ example: 50, default: 50, minimum: 1, description: 'Emails sent before the bounce rate is judged' })
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  bounceRateMinSends?: number;

  @ApiPropertyOptional({ example: 0.003,
    default: 0.003, minimum: 0, maximum: 1,
    description: 'Share of sent emails whose recipients complained (feedback reports) that pauses the campaign',
  })
  @IsOptional() @IsNumber({ maxDecimalPlaces: 5 }) @Min(0) @Max(1)
  complaintRateLimit?: number;

  @ApiPropertyOptional({ example: 50, default: 50, minimum: 1, description: 'Emails sent before the complaint rate is judged' })
  @IsOptional() @IsInt() @Min(1) @Max(1_000_000)
  complaintRateMinSends?: number;

  @ApiPropertyOptional({ type: SendingWindowDto, description: 'When mail may leave; any time when absent' })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SendingWindowDto)
  sendingWindow?: SendingWindowDto;

  @ApiPropertyOptional({ example: true,
    default: true,
    description: 'Emails get an HTML part with an open pixel and tracked links; false: plain text only',
  })
  @IsOptional() @IsBoolean()
  trackingEnabled?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'track.acme.com',
    description:
      "Host of the pixel and tracked links (a CNAME to this Relance, served over https); default: the account's, " +
      'else the API public URL',
  })
  @IsOptional() @NormaliseTrackingDomain() @IsTrackingDomain()
  trackingDomain?: string | null;

  @ApiProperty({
    type: 'array',
    example: STEPS_EXAMPLE,
    minItems: 1,
    maxItems: MAX_STEPS,
    description:
      'Run in order from position 0; at least one email step, and the first email step needs a subject. A ' +
      'condition step jumps forward only (to a later position, or the end), so every sequence ends; a task step ' +
      'waits for the rep (GET /v1/tasks).',
    items: {
      oneOf: [
        { $ref: getSchemaPath(EmailStepInputDto) }, { $ref: getSchemaPath(WaitStepInputDto) },
        { $ref: getSchemaPath(ConditionStepInputDto) }, { $ref: getSchemaPath(TaskStepInputDto) },
      ],
      discriminator: { propertyName: 'type' },
    },
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'steps must contain at least one step' })
  @ArrayMaxSize(MAX_STEPS)
  @ValidateNested({ each: true })
  @Type(() => StepInputDto, {
    keepDiscriminatorProperty: true,
    discriminator: {
      property: 'type',
      subTypes: [
        { name: 'email', value: EmailStepInputDto },
        { name: 'wait', value: WaitStepInputDto },
        { name: 'condition', value: ConditionStepInputDto },
        { name: 'task', value: TaskStepInputDto },
      ],
    },
  })
  steps: AnyStepInput[];
}
